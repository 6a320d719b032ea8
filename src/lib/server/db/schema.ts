/**
 * Table types for Kysely. Calendar dates are 'YYYY-MM-DD' text, instants are ISO-8601 UTC text,
 * booleans are 0/1 integers, structured values are JSON text: the same on SQLite and PostgreSQL.
 */
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
};

export type AgreementTable = {
  id: string;
  title: string;
  police_area_id: string | null;
  status: 'draft' | 'signed' | 'ended';
  period_start: string;
  period_end: string;
  period_text: string;
  situation_summary: string;
  communication: string;
  signed_on: string | null;
  demo: number;
  created_at: string;
  updated_at: string;
};

export type AgreementMunicipalityTable = { agreement_id: string; municipality_id: string };
export type AgreementPartyTable = { agreement_id: string; party_id: string };

export type SignatoryTable = {
  id: string;
  agreement_id: string;
  name: string;
  title: string;
  organisation_id: string | null;
};

export type FocusAreaTable = {
  id: string;
  agreement_id: string;
  position: number;
  title: string;
  description: string;
  prevention_types: string;
  special_attention: string | null;
};

export type EffectTable = {
  id: string;
  agreement_id: string;
  position: number;
  title: string;
  direction: 'increase' | 'decrease';
};

export type IndicatorTable = {
  id: string;
  effect_id: string;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  source: string;
};

export type IndicatorValueTable = { indicator_id: string; measured_on: string; value: number };

export type PlanRevisionTable = {
  id: string;
  agreement_id: string;
  year: number;
  based_on_id: string | null;
  note: string;
  /** Measures removed in this revision, with the reason: JSON [{ key, title, reason }]. */
  removed_json: string;
  demo: number;
  created_at: string;
};

export type MeasureGroupTable = {
  id: string;
  revision_id: string;
  position: number;
  title: string;
};

export type MeasureTable = {
  id: string;
  revision_id: string;
  group_id: string;
  /** Stable across revisions: activities are logged against the key, not one revision's row. */
  measure_key: string;
  position: number;
  title: string;
  description: string;
  target_text: string;
  target_json: string;
  responsible_party_id: string | null;
  follow_up_method: string;
  visibility: 'public' | 'internal';
  /** Default for the measure's activities: public at once, after N days, only as a monthly count, or internal. */
  publication_rule: PublicationRule;
  publication_delay_days: number;
  starts_on: string | null;
  ends_on: string | null;
  change_reason: string | null;
};

export type MeasurePartyTable = { measure_id: string; party_id: string };
export type MeasureFocusAreaTable = { measure_id: string; focus_area_id: string };

export type ActivityTable = {
  id: string;
  agreement_id: string;
  measure_key: string;
  occurred_on: string;
  count: number;
  shifts: number;
  grade: string | null;
  place: string | null;
  note: string | null;
  organisation_id: string | null;
  created_by: string | null;
  created_at: string;
  deleted_at: string | null;
  idempotency_key: string | null;
  demo: number;
  publication: PublicationRule;
  /** The first day the activity may be public (never before the day after it happened). */
  publish_after: string;
  /** JSON list of the parties involved. */
  party_ids: string;
  updated_at: string | null;
  updated_by: string | null;
};

export type RiskOccasionTable = {
  id: string;
  municipality_id: string;
  year: number;
  key: string;
  name: string;
  occurs_on: string;
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

/** An uploaded spreadsheet between its preview and its import (expires after a day). */
export type ImportUploadTable = {
  id: string;
  agreement_id: string;
  created_by: string | null;
  file_name: string;
  format: 'csv' | 'xlsx';
  row_count: number;
  /** JSON: the header and the rows, each with its spreadsheet row number. */
  content: string;
  created_at: string;
  expires_at: string;
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

/** The whole database as Kysely sees it. */
export type Database = {
  accessibility_reports: AccessibilityReportTable;
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  rate_limits: RateLimitTable;
  api_tokens: ApiTokenTable;
  one_time_logins: OneTimeLoginTable;
  audit_head: AuditHeadTable;
  audit_log: AuditLogTable;
  agreements: AgreementTable;
  agreement_municipalities: AgreementMunicipalityTable;
  agreement_parties: AgreementPartyTable;
  signatories: SignatoryTable;
  focus_areas: FocusAreaTable;
  effects: EffectTable;
  indicators: IndicatorTable;
  indicator_values: IndicatorValueTable;
  plan_revisions: PlanRevisionTable;
  measure_groups: MeasureGroupTable;
  measures: MeasureTable;
  measure_parties: MeasurePartyTable;
  measure_focus_areas: MeasureFocusAreaTable;
  activities: ActivityTable;
  risk_occasions: RiskOccasionTable;
  oidc_providers: OidcProviderTable;
  user_identities: UserIdentityTable;
  oidc_states: OidcStateTable;
  import_uploads: ImportUploadTable;
  due_feeds: DueFeedTable;
  digest_subscriptions: DigestSubscriptionTable;
  jobs: JobTable;
};
