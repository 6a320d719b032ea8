import type { RiskOccasion } from './calendar';
import { type DateRange, inRange, type IsoDate, minDate } from './dates';
import type { PeriodKind, PeriodPhase } from './periods';
import type { SchoolCalendar } from './school-calendar';
import type { Target } from './target';

/**
 * Activities of one measure on one day, aggregated by the database (one row per day and grade):
 * `minutes` = their logged durations summed, `untimed` = activities logged without a duration.
 */
export type DailyTally = {
  date: IsoDate;
  count: number;
  shifts: number;
  grade: string | null;
  minutes?: number;
  untimed?: number;
};

/**
 * Every follow-up status: closed periods are met/missed, the current one on-track/behind;
 * 'not-applicable' = not judged (yet): nothing is owed so far; 'needs-date' = a named occasion
 * ("vid skolavslutningen") has no date this year, so it can be neither kept nor missed.
 */
export const FOLLOW_UP_STATUSES = [
  'met',
  'missed',
  'on-track',
  'behind',
  'active',
  'quiet',
  'not-applicable',
  'needs-date',
  'upcoming'
] as const;
/** The verdict on one period of one measure. */
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** The follow-up of one measure for one period; `detail` is a short technical note in English, not for the public. */
export type PeriodResult = {
  start: IsoDate;
  end: IsoDate;
  expected: number | null;
  done: number;
  status: FollowUpStatus;
  detail?: string;
  /**
   * For a target in hours or minutes: activities in the period logged without a duration ("saknar
   * tid"). They are not in `done` (never taken as 0 or 1 hour) and are shown beside it.
   */
  untimed?: number;
  /**
   * Set on the public follow-up when the period runs past what is published yet (police work
   * published a month or some days later): activities count only through this day.
   */
  publishedThrough?: IsoDate;
};

/**
 * One stretch of a measure's plan: the target that governs from `start` through `end`, and the
 * span of the plan version it belongs to (a 'per period' target is owed once per version).
 */
export type PlanPiece = DateRange & { target: Target; version?: DateRange };

/**
 * Everything followUp needs: the target (or the plan: targets in time), the day tallies, today,
 * the measure's whole timeline (`span`: from the agreement's or the measure's start to its end, never
 * the range a reader asked for) and the period kind.
 */
export type FollowUpInput = {
  target: Target;
  /** The target in time, oldest first, inside `span`; without it `target` governs all of `span`. */
  plan?: readonly PlanPiece[];
  tallies: readonly DailyTally[];
  today: IsoDate;
  span: DateRange;
  period: PeriodKind;
  riskOccasions?: readonly RiskOccasion[];
  quietAfterDays?: number;
  /** Holidays and terms for school windows and per-term targets; empty when none are known. */
  schoolCalendar?: SchoolCalendar;
};

/** One period to judge, with where it stands relative to today. */
export type JudgedPeriod = DateRange & { phase: PeriodPhase };

/** The shared, prepared input every target-kind evaluator receives. */
export type FollowUpContext = {
  tallies: readonly DailyTally[];
  today: IsoDate;
  span: DateRange;
  kind: PeriodKind;
  periods: readonly JudgedPeriod[];
  riskOccasions: readonly RiskOccasion[] | undefined;
  quietAfterDays: number | undefined;
  calendar: SchoolCalendar;
};

/** The days of a period whose activities have happened: from its start through today at the latest (null when none). */
export function doneRange(period: DateRange, today: IsoDate): DateRange | null {
  const end = minDate(period.end, today);
  return period.start <= end ? { start: period.start, end } : null;
}

/** Tallies sorted by date with running totals of count and shifts, built once per tally list. */
type Prefix = { dates: IsoDate[]; count: number[]; shifts: number[] };
const prefixes = new WeakMap<readonly DailyTally[], Prefix>();

/**
 * The tallies in date order (rows of one day keep their order): the list itself when it is in
 * order already, as the database returns it, else a sorted copy.
 */
export function byDate(tallies: readonly DailyTally[]): readonly DailyTally[] {
  for (let i = 1; i < tallies.length; i++)
    if (tallies[i - 1]!.date > tallies[i]!.date)
      return [...tallies].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return tallies;
}

function prefixOf(tallies: readonly DailyTally[]): Prefix {
  let p = prefixes.get(tallies);
  if (p) return p;
  const sorted = byDate(tallies);
  p = { dates: sorted.map((t) => t.date), count: [0], shifts: [0] };
  for (const t of sorted) {
    p.count.push(p.count[p.count.length - 1]! + t.count);
    p.shifts.push(p.shifts[p.shifts.length - 1]! + t.shifts);
  }
  prefixes.set(tallies, p);
  return p;
}

/** The index of the first of the sorted dates after `date` (strictly later when `after`). */
export function searchDates(dates: readonly IsoDate[], date: IsoDate, after = false): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date || (after && dates[mid] === date)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rangeTotal(tallies: readonly DailyTally[], range: DateRange, of: 'count' | 'shifts') {
  if (range.start > range.end) return 0;
  const p = prefixOf(tallies);
  const sums = p[of];
  return sums[searchDates(p.dates, range.end, true)]! - sums[searchDates(p.dates, range.start)]!;
}

/** Adds up activity counts of the tallies inside a range that pass an optional filter. */
export function sumCount(
  tallies: readonly DailyTally[],
  range: DateRange | null,
  keep?: (t: DailyTally) => boolean
): number {
  if (!range) return 0;
  if (!keep) return rangeTotal(tallies, range, 'count');
  return tallies.reduce((sum, t) => (inRange(t.date, range) && keep(t) ? sum + t.count : sum), 0);
}

/** Adds up shifts worked inside a range. */
export function sumShifts(tallies: readonly DailyTally[], range: DateRange | null): number {
  if (!range) return 0;
  return rangeTotal(tallies, range, 'shifts');
}

/** The dates with at least one activity, through today, sorted. */
export type ActiveDates = readonly IsoDate[];

/** The dates with at least one activity, through today. */
export function activeDates(tallies: readonly DailyTally[], today: IsoDate): ActiveDates {
  const out: IsoDate[] = [];
  for (const t of byDate(tallies)) {
    if (t.date > today) break;
    if (t.count > 0 && out[out.length - 1] !== t.date) out.push(t.date);
  }
  return out;
}

/** Tells whether any date of a range had an activity. */
export function anyActive(active: ActiveDates, range: DateRange): boolean {
  const i = searchDates(active, range.start);
  return i < active.length && active[i]! <= range.end;
}

/** Turns "is the promise kept so far" into met/missed for a closed period and on-track/behind for the current one. */
export function verdict(phase: PeriodPhase, kept: boolean): FollowUpStatus {
  if (phase === 'upcoming') return 'upcoming';
  if (phase === 'closed') return kept ? 'met' : 'missed';
  return kept ? 'on-track' : 'behind';
}
