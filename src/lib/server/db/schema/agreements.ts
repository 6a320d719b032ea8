import type { PublicationRule } from './foundation';

/** Agreements, their plans, measures and activities; spreadsheet and document imports. */
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
  /** Counts changes to a draft's head; an approval names the version it approves (migration 0013, default 1). */
  head_version?: number;
};

export type AgreementMunicipalityTable = { agreement_id: string; municipality_id: string };
export type AgreementPartyTable = { agreement_id: string; party_id: string };

/** A named municipality or police area: invited, accepted by its editor, approved by its editor. */
export type AgreementConsentTable = {
  agreement_id: string;
  organisation_id: string;
  side: 'municipality' | 'police';
  invited_by: string | null;
  invited_at: string;
  accepted_by: string | null;
  accepted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
};

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
  /** The day this version takes effect; null = 1 January of its year (migration 0018). */
  effective_from?: string | null;
};

/** A measure's earlier target, governing through `until_on` (migration 0018). */
export type MeasureTargetChangeTable = {
  id: string;
  measure_id: string;
  until_on: string;
  target_text: string;
  target_json: string;
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
  /** How long the activity took, in minutes; null/absent when not given (migration 0021). */
  duration_minutes?: number | null;
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

/** An editor's correction of one default school-calendar entry (migration 0019). */
export type SchoolCalendarCorrectionTable = {
  municipality_id: string;
  year: number;
  /** 'ht' | 'vt' (the terms) or a holiday: 'hostlov' | 'jullov' | 'sportlov' | 'paasklov' | 'sommarlov'. */
  entry: string;
  starts_on: string;
  ends_on: string;
  updated_at: string;
};

export type RiskOccasionTable = {
  id: string;
  municipality_id: string;
  year: number;
  key: string;
  name: string;
  occurs_on: string;
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
