/** What the public sees beyond the plan: events, contacts, reports and news. */
/** An event residents can join: a safety walk, a door-knocking or night-walking round, an open meeting, or another kind. */
export type PublicEventKind =
  'safety-walk' | 'door-knocking' | 'night-walking' | 'open-meeting' | 'other';
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
  /** Revisions since creation (iCalendar SEQUENCE); grows with every change and cancellation. */
  sequence: number;
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
