/**
 * The measurable part of a measure (mål, frekvens), parsed from its Swedish words.
 * Every kind keeps `text`, the original words, so nothing the parser cannot read is lost.
 */

/**
 * How long a count target's unit of time is ('period' = the whole agreement period, or the plan's
 * year when the plan is yearly; 'term' = a school term and 'school-year' = a läsår, both from the
 * municipality's school calendar; 'quarter' and 'half-year' are calendar quarters and halves).
 */
export const TARGET_PERS = [
  'day',
  'week',
  'month',
  'quarter',
  'tertial',
  'half-year',
  'term',
  'school-year',
  'year',
  'period'
] as const;
/** The unit of time a count target is counted per. */
export type TargetPer = (typeof TARGET_PERS)[number];

/** The units an interval target ("var tredje helg") steps in. */
export const INTERVAL_UNITS = ['day', 'week', 'weekend', 'month'] as const;
/** The unit an interval target steps in; a weekend is Friday–Sunday. */
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

/** The school-calendar periods a target can be limited to ('terms' = both terms, holidays excluded). */
export const SCHOOL_PERIODS = [
  'sommarlov',
  'jullov',
  'sportlov',
  'paasklov',
  'hostlov',
  'terms'
] as const;
/** A school-calendar period of a municipality (its dates come from its school calendar). */
export type SchoolPeriod = (typeof SCHOOL_PERIODS)[number];

/**
 * When in the year a target applies: a school-calendar period ("under sommarlovet", "under
 * skolterminerna") or calendar months, inclusive and wrapping over new year ("juli och augusti" =
 * 7–8, "maj–september" = 5–9, "sommarhalvåret" = 4–9, "vinterhalvåret" = 10–3). Outside its window
 * a target expects nothing. `text` keeps the words it was read from.
 */
export type TargetWindow =
  | { kind: 'school'; period: SchoolPeriod; text: string }
  | { kind: 'months'; from: number; to: number; text: string };

/** The units of logged time a count target can sum. */
export const TIME_SUMS = ['hours', 'minutes'] as const;
/** What a time target sums: hours or minutes of the activities' durations. */
export type TimeSum = (typeof TIME_SUMS)[number];

/** Every target kind, in the order the parser tries them. */
export const TARGET_KINDS = [
  'count',
  'interval',
  'every-shift',
  'continuous',
  'on-demand',
  'occasions',
  'unparsed'
] as const;
/** The discriminant of a Target. */
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Days of silence after which a continuous measure counts as quiet, unless configured otherwise. */
export const DEFAULT_QUIET_AFTER_DAYS = 90;

/** A measurable target parsed from a measure's words, discriminated on `kind`. */
export type Target =
  | {
      kind: 'count';
      text: string;
      /** At least this many activities per `per` (per value of `perUnit`, or per day for `weekdays`). */
      count: number;
      per: TargetPer;
      /** What is counted when it is not just "gång/gånger", e.g. "kontroller". */
      unit?: string;
      /** The count applies to each value separately, e.g. each grade 6-9. */
      perUnit?: { label: string; values: string[] };
      /** Only activities on these ISO weekdays (1 = Monday … 7 = Sunday) count. */
      weekdays?: number[];
      /** The upper end of a range ("1-2 gånger": count 1, upTo 2); judged on `count`, shown as words. */
      upTo?: number;
      /** Only this part of the year counts ("varje fredag under sommarlovet"). */
      window?: TargetWindow;
      /**
       * Logged time is summed instead of activities ("10 timmar per vecka": `count` hours;
       * "30 minuter per dag": `count` minutes). Activities without a duration are counted apart
       * ("saknar tid"), never as 0 or 1.
       */
      sum?: TimeSum;
    }
  | { kind: 'interval'; text: string; every: number; unit: IntervalUnit; window?: TargetWindow }
  | { kind: 'every-shift'; text: string; window?: TargetWindow }
  | { kind: 'continuous'; text: string; quietAfterDays: number; window?: TargetWindow }
  | { kind: 'on-demand'; text: string }
  | { kind: 'occasions'; text: string; occasions: 'risk-weekends' | string[] }
  | { kind: 'unparsed'; text: string; reason?: UnparsedReason };

/**
 * Why words that look like a target were still not read, so editors see what to set by hand:
 * 'hours' (no longer given: hours are summed since activities carry a duration; kept so targets
 * stored before still read),
 * 'units-not-named' ("per skola" without naming the schools), 'window-only' ("under sommarlovet"
 * with no frequency), 'several-windows' ("under jullovet och sportlovet"), 'frequencies-disagree'
 * ("4 gånger per år, 2 per kvartal").
 */
export const UNPARSED_REASONS = [
  'hours',
  'units-not-named',
  'window-only',
  'several-windows',
  'frequencies-disagree'
] as const;
/** A reason words were kept unparsed. */
export type UnparsedReason = (typeof UNPARSED_REASONS)[number];

/** A count target ("minst 10 kontroller per månad"). */
export type CountTarget = Extract<Target, { kind: 'count' }>;
/** An interval target ("var tredje helg"). */
export type IntervalTarget = Extract<Target, { kind: 'interval' }>;
/** A continuous target ("kontinuerligt", "löpande under året"). */
export type ContinuousTarget = Extract<Target, { kind: 'continuous' }>;
/** An occasions target ("under riskhelger", "vid valborg och midsommar"). */
export type OccasionsTarget = Extract<Target, { kind: 'occasions' }>;
