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

/** A document import waiting for review: normalised text and draft, never the file (expires). */
export type DocumentImportTable = {
  id: string;
  organisation_id: string | null;
  created_by: string | null;
  file_name: string;
  kind: 'text' | 'docx' | 'pdf' | 'paste';
  normalised_text: string;
  /** JSON: the DocumentDraft (lib/core/loefte-import/schema.ts), as last edited. */
  draft_json: string;
  /** JSON: the review items. */
  review_json: string;
  created_at: string;
  expires_at: string;
  accepted_agreement_id: string | null;
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

/** An event residents can join: a safety walk, an open meeting, or another kind. */
export type PublicEventKind = 'safety-walk' | 'open-meeting' | 'other';
export type PublicEventTable = {
  id: string;
  agreement_id: string;
  title: string;
  kind: PublicEventKind;
  starts_at: string;
  ends_at: string;
  place: string;
  description: string;
  cancelled_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** Whom the public may contact about an agreement (shown on the public page). */
export type AgreementContactTable = {
  id: string;
  agreement_id: string;
  position: number;
  name: string;
  role: string;
  organisation: string;
  email: string | null;
  phone: string | null;
  created_at: string;
};

/** A dialogue that gathered input: an open meeting, a staff dialogue or a survey round. */
export type DialogueKind = 'open_meeting' | 'staff_dialogue' | 'survey_round';

export type DialogueTable = {
  id: string;
  municipality_id: string;
  /** Null while preparing the municipality's next agreement. */
  agreement_id: string | null;
  kind: DialogueKind;
  title: string;
  held_on: string;
  place: string;
  /** JSON list of key groups (nyckelgrupper). */
  key_groups: string;
  participants: number | null;
  organisations_present: string;
  minutes: string;
  survey_id: string | null;
  demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** One thing raised in a dialogue, optionally tagged with a theme. */
export type DialogueInputTable = {
  id: string;
  dialogue_id: string;
  position: number;
  text: string;
  theme_id: string | null;
};

/** One import of statistics (a file or a poll of the police's events feed) and its counts. */
export type StatisticImportTable = {
  id: string;
  kind: 'crime-statistics' | 'police-events';
  origin: 'file' | 'poll';
  source_name: string;
  started_at: string;
  status: 'ok' | 'failed';
  rows_read: number;
  rows_added: number;
  rows_updated: number;
  rows_skipped: number;
  message: string | null;
  created_by: string | null;
};

/** Reported crimes (Brå) in a municipality, per category and year. */
export type CrimeStatisticTable = {
  id: string;
  municipality_id: string;
  category: string;
  year: number;
  count: number;
  per_100k: number | null;
  demo: number;
  import_id: string;
  updated_at: string;
};

/** An event from the police's open events feed, kept by its source id. */
export type PoliceEventTable = {
  id: string;
  source_id: string;
  occurred_at: string;
  name: string;
  summary: string;
  url: string;
  type: string;
  location_name: string;
  gps: string | null;
  demo: number;
  import_id: string;
  first_seen_at: string;
  updated_at: string;
};

/** The events poller's last call, shared by all app servers. */
export type PoliceEventPollerTable = { name: string; last_call_at: string };

/** A joint situational picture (gemensam lägesbild) of an agreement or its preparation. */
export type AssessmentTable = {
  id: string;
  municipality_id: string;
  agreement_id: string | null;
  title: string;
  summary: string;
  from_year: number;
  to_year: number;
  /** The ranked proposal as saved (JSON): what the parties approve. */
  ranking_json: string;
  version: number;
  demo: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
};

/** One side's approval of one version of a picture. */
export type AssessmentApprovalTable = {
  id: string;
  assessment_id: string;
  version: number;
  side: 'police' | 'municipality';
  organisation_id: string;
  user_id: string;
  approved_at: string;
};

/** Which focus area a proposed theme became. */
export type AssessmentFocusLinkTable = {
  assessment_id: string;
  theme_id: string;
  focus_area_id: string;
};

/** A measure citing the input it answers. */
export type MeasureCitationTable = {
  id: string;
  agreement_id: string;
  measure_key: string;
  kind: 'input' | 'theme' | 'statistic';
  dialogue_input_id: string | null;
  theme_id: string | null;
  category: string | null;
  created_by: string | null;
  created_at: string;
};

/** The whole database as Kysely sees it. */
/** A survey (webbenkät) of a municipality, optionally for an agreement. */
export type SurveyTable = {
  id: string;
  municipality_id: string;
  agreement_id: string | null;
  title_sv: string;
  title_en: string;
  intro_sv: string;
  intro_en: string;
  status: 'draft' | 'open' | 'closed';
  opens_on: string | null;
  closes_on: string | null;
  requires_code: number;
  index_formula: string;
  demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** A survey question; the condition shows it only when an earlier question got an option. */
export type SurveyQuestionTable = {
  id: string;
  survey_id: string;
  position: number;
  key: string;
  kind: 'single' | 'multiple' | 'scale' | 'text' | 'area' | 'age';
  text_sv: string;
  text_en: string;
  help_sv: string;
  help_en: string;
  required: number;
  index_item: number;
  condition_question_id: string | null;
  condition_option_id: string | null;
};

/** An answer option; score orders a scale (null: Ingen uppfattning). */
export type SurveyOptionTable = {
  id: string;
  question_id: string;
  position: number;
  value: string;
  label_sv: string;
  label_en: string;
  score: number | null;
};

/** An anonymous response: never an IP address or client hash. */
export type SurveyResponseTable = {
  id: string;
  survey_id: string;
  source: 'web' | 'paper';
  submitted_at: string;
  area_option_id: string | null;
  age_option_id: string | null;
  answer_set_hash: string;
  duplicate: number;
  entered_by: string | null;
  demo: number;
};

/** One answer: an option chosen, or a text with its masked form. */
export type SurveyAnswerTable = {
  id: string;
  response_id: string;
  question_id: string;
  option_id: string | null;
  text: string | null;
  text_masked: string | null;
  personal_data: string | null;
};

/** A one-time code for paper or door-to-door distribution, stored hashed. */
export type SurveyCodeTable = {
  survey_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
};

/** The salt of a day for rate-limit keys (deleted after the day, so keys cannot be reversed). */
export type SurveySaltTable = { day: string; salt: string };

/** A theme of a municipality's or an agreement's theme frame. */
export type ThemeTable = {
  id: string;
  municipality_id: string;
  agreement_id: string | null;
  frame: string;
  key: string;
  label: string;
  keywords: string;
  position: number;
  created_at: string;
};

/** A theme suggested for or confirmed on a free-text answer. */
export type AnswerThemeTable = {
  answer_id: string;
  theme_id: string;
  status: 'suggested' | 'confirmed' | 'rejected';
  matched: string;
  decided_by: string | null;
  decided_at: string | null;
};

export type Database = {
  surveys: SurveyTable;
  survey_questions: SurveyQuestionTable;
  survey_options: SurveyOptionTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
  survey_codes: SurveyCodeTable;
  survey_salts: SurveySaltTable;
  themes: ThemeTable;
  answer_themes: AnswerThemeTable;
  public_events: PublicEventTable;
  agreement_contacts: AgreementContactTable;
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
  document_imports: DocumentImportTable;
  due_feeds: DueFeedTable;
  digest_subscriptions: DigestSubscriptionTable;
  jobs: JobTable;
  reports: ReportTable;
  report_comments: ReportCommentTable;
  report_versions: ReportVersionTable;
  news_items: NewsItemTable;
  dialogues: DialogueTable;
  dialogue_inputs: DialogueInputTable;
  statistic_imports: StatisticImportTable;
  crime_statistics: CrimeStatisticTable;
  police_events: PoliceEventTable;
  police_event_poller: PoliceEventPollerTable;
  assessments: AssessmentTable;
  assessment_approvals: AssessmentApprovalTable;
  assessment_focus_links: AssessmentFocusLinkTable;
  measure_citations: MeasureCitationTable;
};

/** A follow-up report of an agreement for a period; published_version is 0 while a draft. */
export type ReportTable = {
  id: string;
  agreement_id: string;
  period_kind: 'tertial' | 'year' | 'agreement';
  period_start: string;
  period_end: string;
  lead: string;
  published_version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

/** The editors' commentary on one measure in a report (what happened, why a target was missed). */
export type ReportCommentTable = {
  report_id: string;
  measure_key: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
};

/** A published, frozen version of a report: its complete rendered content as JSON. */
export type ReportVersionTable = {
  id: string;
  report_id: string;
  version: number;
  title: string;
  summary: string;
  content_json: string;
  note: string | null;
  published_at: string;
  published_by: string | null;
};

/** A short news item of an agreement, public from its publication day. */
export type NewsItemTable = {
  id: string;
  agreement_id: string;
  title: string;
  body: string;
  published_on: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};
