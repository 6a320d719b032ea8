/**
 * Table types for Kysely. Calendar dates are 'YYYY-MM-DD' text, instants are ISO-8601 UTC text,
 * booleans are 0/1 integers, structured values are JSON text: the same on SQLite and PostgreSQL.
 */
export type * from './schema/foundation';
export type * from './schema/agreements';
export type * from './schema/publication';
export type * from './schema/dialogue';
export type * from './schema/subscriptions';
export type * from './schema/walks';
export type * from './schema/walk-contacts';
export type * from './schema/rollups';
export type * from './schema/municipality-profile';
import type {
  AccessibilityReportTable,
  ApiTokenTable,
  AuditCheckpointTable,
  AuditHeadTable,
  AuditPendingTable,
  AuditLogTable,
  DigestSubscriptionTable,
  DueFeedTable,
  JobTable,
  MembershipTable,
  OidcProviderTable,
  OidcStateTable,
  OneTimeLoginTable,
  OrganisationTable,
  RateLimitTable,
  SessionTable,
  UserIdentityTable,
  UserTable
} from './schema/foundation';
import type {
  ActivityTable,
  AgreementMunicipalityTable,
  AgreementConsentTable,
  AgreementPartyTable,
  AgreementTable,
  DocumentImportTable,
  EffectTable,
  FocusAreaTable,
  ImportUploadTable,
  IndicatorTable,
  IndicatorValueTable,
  MeasureFocusAreaTable,
  MeasureGroupTable,
  MeasurePartyTable,
  MeasureTable,
  MeasureTargetChangeTable,
  PlanRevisionTable,
  RiskOccasionTable,
  SchoolCalendarCorrectionTable,
  SignatoryTable
} from './schema/agreements';
import type {
  AgreementContactTable,
  NewsItemTable,
  PublicEventTable,
  ReportCommentTable,
  ReportTable,
  ReportVersionTable
} from './schema/publication';
import type {
  AnswerThemeTable,
  AssessmentApprovalTable,
  AssessmentFocusLinkTable,
  AssessmentTable,
  CrimeStatisticTable,
  DialogueInputTable,
  DialogueTable,
  MeasureCitationTable,
  PoliceEventPollerTable,
  PoliceEventTable,
  StatisticImportTable,
  SurveyAnswerTable,
  SurveyClassCodeTable,
  SurveyCodeTable,
  SurveyOptionTable,
  SurveyQuestionTable,
  SurveyRefusalTable,
  SurveyResponseTable,
  SurveySaltTable,
  SurveySubmissionTable,
  SurveyTable,
  ThemeTable
} from './schema/dialogue';
import type { SubscriptionDeliveryTable, SubscriptionTable } from './schema/subscriptions';
import type { MunicipalityProfileTable } from './schema/municipality-profile';
import type {
  WalkObservationTable,
  WalkObservationUpdateTable,
  WalkOwnerLinkTable,
  WalkTable,
  WalkTipTable
} from './schema/walks';
import type { WalkContactTable } from './schema/walk-contacts';
import type {
  RollupAgreementTable,
  RollupMeasureFocusTable,
  RollupMeasureTable,
  RollupStateTable
} from './schema/rollups';

/** The whole database as Kysely sees it. */
export type Database = {
  surveys: SurveyTable;
  survey_questions: SurveyQuestionTable;
  survey_options: SurveyOptionTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
  survey_codes: SurveyCodeTable;
  survey_salts: SurveySaltTable;
  survey_class_codes: SurveyClassCodeTable;
  survey_submissions: SurveySubmissionTable;
  survey_refusals: SurveyRefusalTable;
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
  audit_checkpoints: AuditCheckpointTable;
  audit_head: AuditHeadTable;
  audit_pending: AuditPendingTable;
  audit_log: AuditLogTable;
  agreements: AgreementTable;
  agreement_municipalities: AgreementMunicipalityTable;
  agreement_parties: AgreementPartyTable;
  agreement_consents: AgreementConsentTable;
  signatories: SignatoryTable;
  focus_areas: FocusAreaTable;
  effects: EffectTable;
  indicators: IndicatorTable;
  indicator_values: IndicatorValueTable;
  plan_revisions: PlanRevisionTable;
  measure_groups: MeasureGroupTable;
  measures: MeasureTable;
  measure_target_changes: MeasureTargetChangeTable;
  measure_parties: MeasurePartyTable;
  measure_focus_areas: MeasureFocusAreaTable;
  activities: ActivityTable;
  risk_occasions: RiskOccasionTable;
  school_calendar_corrections: SchoolCalendarCorrectionTable;
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
  subscriptions: SubscriptionTable;
  subscription_deliveries: SubscriptionDeliveryTable;
  municipality_profiles: MunicipalityProfileTable;
  walks: WalkTable;
  walk_tips: WalkTipTable;
  walk_observations: WalkObservationTable;
  walk_observation_updates: WalkObservationUpdateTable;
  walk_owner_links: WalkOwnerLinkTable;
  walk_contacts: WalkContactTable;
  rollup_agreements: RollupAgreementTable;
  rollup_measures: RollupMeasureTable;
  rollup_measure_focus: RollupMeasureFocusTable;
  rollup_state: RollupStateTable;
};
