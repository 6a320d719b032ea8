/** Organisations, people, sign-in, the audit trail, jobs and other shared tables. */
import type { Generated } from 'kysely';

export type OrganisationKind = 'municipality' | 'police_area' | 'party';
export type PoliceLevel = 'polisregion' | 'polisomrade' | 'lokalpolisomrade';
export type Role = 'admin' | 'editor' | 'reporter' | 'viewer';
export type PublicationRule = 'public' | 'delayed' | 'monthly' | 'internal';

export type OrganisationTable = {
  id: string;
  kind: OrganisationKind;
  name: string;
  code: string | null;
  level: PoliceLevel | null;
  parent_id: string | null;
  county_code: string | null;
  party_type: string | null;
  owner_id: string | null;
  created_at: string;
};

export type UserTable = {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
};

export type MembershipTable = {
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: string;
};

export type SessionTable = {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
};

export type RateLimitTable = {
  key: string;
  count: number;
  window_start: string;
  /** The earliest time the key may try again (a growing delay); null when it is free. */
  not_before: string | null;
  /** The reservation holding the key while its attempt is checked. */
  attempt: string | null;
};

export type ApiTokenTable = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type OneTimeLoginTable = {
  token_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
};

export type AuditHeadTable = { id: number; seq: number; hash: string };

export type AuditLogTable = {
  seq: number;
  at: string;
  actor_id: string | null;
  organisation_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  /** 0: the old unkeyed SHA-256 chain; 1: HMAC-SHA-256 with AUDIT_HMAC_KEY (see docs/SECURITY.md). */
  scheme: number;
  /** For audited tables: SHA-256 of the row's audited columns after the change. */
  row_hash: string | null;
};

/**
 * An audit entry written in its change's transaction and not yet chained (migration 0029): the
 * sealer moves it into audit_log. `mac` is HMAC-SHA-256 with AUDIT_HMAC_KEY over the entry and
 * its nonce; `ord` (assigned by the database) is the order of writing.
 */
export type AuditPendingTable = Omit<AuditLogTable, 'seq' | 'prev_hash' | 'hash' | 'scheme'> & {
  ord: Generated<number>;
  nonce: string;
  mac: string;
};

/** A daily published checkpoint of the audit chain's head; `mac` is keyed, so only the server can make one. */
export type AuditCheckpointTable = {
  day: string;
  seq: number;
  head_hash: string;
  mac: string;
  created_at: string;
};

/** An OpenID Connect identity provider of one organisation. The secret never leaves the server. */
export type OidcProviderTable = {
  id: string;
  organisation_id: string;
  /** Shown on the sign-in button, e.g. "Polisens inloggning". */
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  /** Space-separated, always including openid. */
  scopes: string;
  enabled: number;
  created_at: string;
};

/** A person at a provider (its `sub`) linked to one Löften account. */
export type UserIdentityTable = {
  provider_id: string;
  subject: string;
  user_id: string;
  created_at: string;
};

/** A sign-in between the redirect to the provider and its callback (state stored as SHA-256). */
export type OidcStateTable = {
  state_hash: string;
  provider_id: string;
  nonce: string;
  code_verifier: string;
  next_path: string;
  expires_at: string;
};

/** A user's secret calendar-feed address ("att göra" as iCalendar), stored only as SHA-256. */
export type DueFeedTable = {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
};

/** A user's weekly e-mail digest of what is due; last_sent_at keeps it to once a week. */
export type DigestSubscriptionTable = {
  user_id: string;
  enabled: number;
  created_at: string;
  updated_at: string;
  last_sent_at: string | null;
};

/** A scheduled job shared by all app servers: one claims it by moving locked_until forward. */
export type JobTable = {
  name: string;
  run_after: string;
  locked_until: string;
  locked_by: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_error: string | null;
};

/** A reported accessibility problem. */
export type AccessibilityReportTable = {
  id: string;
  page: string;
  description: string;
  contact: string | null;
  created_at: string;
  handled_at: string | null;
};
