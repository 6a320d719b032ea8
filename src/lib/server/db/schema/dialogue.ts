/** Citizen dialogue: dialogues, statistics, the joint situational picture, surveys and themes. */
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

/** A class code: lets a class answer from one address, up to `capacity` answers; stored hashed. */
export type SurveyClassCodeTable = {
  id: string;
  survey_id: string;
  code_hash: string;
  label: string;
  capacity: number;
  used: number;
  created_by: string | null;
  created_at: string;
};

/** A used submission token (hashed): the same rendered form sent again is not a new person. */
export type SurveySubmissionTable = { survey_id: string; token_hash: string; day: string };

/** How many answers to a survey were refused, by reason ('address-limit', 'resubmitted', …). */
export type SurveyRefusalTable = {
  survey_id: string;
  reason: string;
  count: number;
  last_at: string;
};

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
