import {
  addDays,
  type DateRange,
  endOfMonth,
  endOfTertial,
  endOfYear,
  eachDay,
  type IsoDate,
  overlap,
  rangeDays,
  startOfIsoWeek,
  startOfMonth,
  startOfTertial,
  startOfYear
} from './dates';
import type { TargetPer } from './target';

const UNIT_BOUNDS: Record<
  Exclude<TargetPer, 'period' | 'day'>,
  [(d: IsoDate) => IsoDate, (d: IsoDate) => IsoDate]
> = {
  week: [startOfIsoWeek, (d) => addDays(startOfIsoWeek(d), 6)],
  month: [startOfMonth, endOfMonth],
  tertial: [startOfTertial, endOfTertial],
  year: [startOfYear, endOfYear]
};

/**
 * Lists the whole calendar units of a target's `per` (ISO weeks Monday–Sunday, months, tertials,
 * years, days, or the agreement span for 'period') that overlap a range, unclipped.
 */
export function unitsOverlapping(per: TargetPer, range: DateRange, span: DateRange): DateRange[] {
  if (range.start > range.end) return [];
  if (per === 'period') return overlap(span, range) ? [span] : [];
  if (per === 'day') return eachDay(range).map((d) => ({ start: d, end: d }));
  const [startOf, endOf] = UNIT_BOUNDS[per];
  const units: DateRange[] = [];
  for (let start = startOf(range.start); start <= range.end;) {
    const end = endOf(start);
    units.push({ start, end });
    start = addDays(end, 1);
  }
  return units;
}

/** Returns how much of a unit a range covers, as a fraction 0..1 of the unit's days. */
export function coveredFraction(unit: DateRange, range: DateRange): number {
  const shared = overlap(unit, range);
  return shared ? rangeDays(shared) / rangeDays(unit) : 0;
}

/** Rounds an expectation down to whole activities, tolerating floating-point noise (4.9999999 → 5). */
export function wholeExpected(exact: number): number {
  return Math.floor(exact + 1e-9);
}

/** Orders target `per`s from shortest to longest, for comparison with the follow-up period kind. */
export const PER_RANK: Record<TargetPer, number> = {
  day: 0,
  week: 1,
  month: 2,
  tertial: 3,
  year: 4,
  period: 5
};

/** Orders follow-up period kinds on the same scale as PER_RANK. */
export const PERIOD_KIND_RANK = {
  month: 2,
  tertial: 3,
  year: 4,
  agreement: 5
} as const satisfies Record<string, number>;
