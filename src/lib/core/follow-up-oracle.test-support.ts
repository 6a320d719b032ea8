/**
 * The straightforward follow-up helpers as they were before the fast path (issue 15 item 2):
 * linear scans and day-by-day walks. Tests compare the fast helpers in `lib/core` with these on
 * random inputs; production code never imports this file (vitest does not run it: it is not a .test.ts).
 */
import { addDays, type DateRange, inRange, type IsoDate } from './dates';
import type { DailyTally } from './follow-up-types';

/** Adds up activity counts of the tallies inside a range (a scan of every tally). */
export function sumCountOracle(tallies: readonly DailyTally[], range: DateRange | null): number {
  if (!range) return 0;
  return tallies.reduce((sum, t) => (inRange(t.date, range) ? sum + t.count : sum), 0);
}

/** Adds up shifts worked inside a range (a scan of every tally). */
export function sumShiftsOracle(tallies: readonly DailyTally[], range: DateRange | null): number {
  if (!range) return 0;
  return tallies.reduce((sum, t) => (inRange(t.date, range) ? sum + t.shifts : sum), 0);
}

/** The dates with at least one activity, through today. */
export function activeDatesOracle(tallies: readonly DailyTally[], today: IsoDate): Set<IsoDate> {
  return new Set(tallies.filter((t) => t.count > 0 && t.date <= today).map((t) => t.date));
}

/** Whether any date of a range had an activity, walking the range day by day. */
export function anyActiveOracle(active: ReadonlySet<IsoDate>, range: DateRange): boolean {
  for (let d = range.start; d <= range.end; d = addDays(d, 1)) if (active.has(d)) return true;
  return false;
}

/** The latest day with an activity on or before `day`, scanning every tally. */
export function lastActivityOracle(tallies: readonly DailyTally[], day: IsoDate): IsoDate | null {
  let last: IsoDate | null = null;
  for (const t of tallies)
    if (t.count > 0 && t.date <= day && (last === null || t.date > last)) last = t.date;
  return last;
}
