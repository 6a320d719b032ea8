/** Roll-ups (migration 0022): each agreement's public follow-up of a year, per measure and focus area. */

/** An agreement's year: kept and judged periods over its public measures, how many are behind. */
export type RollupAgreementTable = {
  agreement_id: string;
  year: number;
  met: number;
  judged: number;
  behind: number;
  measures: number;
  demo: number;
  /** The day the follow-up was judged on. */
  as_of: string;
  computed_at: string;
};

/** One public measure's year in an agreement. */
export type RollupMeasureTable = {
  agreement_id: string;
  year: number;
  measure_key: string;
  target_kind: string;
  met: number;
  judged: number;
  /** 1 when its latest period is behind, missed or quiet. */
  behind: number;
};

/** A measure's focus area (by title, so the nation can group by it). */
export type RollupMeasureFocusTable = {
  agreement_id: string;
  year: number;
  measure_key: string;
  focus_area: string;
};

/** How far the stored roll-up of a year is: the audit sequence and the day it was computed for. */
export type RollupStateTable = { year: number; seq: number; as_of: string; computed_at: string };
