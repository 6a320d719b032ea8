/**
 * The straightforward follow-up helpers as they were before the fast path (issue 15 item 2):
 * linear scans and day-by-day walks. Tests compare the fast helpers in `lib/core` with these on
 * random inputs; production code never imports this file (vitest does not run it: it is not a .test.ts).
 */
import { addDays, type DateRange, inRange, type IsoDate } from './dates';
import type { DailyTally } from './follow-up-types';
import type { SchoolCalendar } from './school-calendar';
import type { CountTarget } from './target';
import { windowContains } from './target-window';

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

/**
 * What per-day count pieces did and owed in a range through a day, walking the days with the
 * slow date helpers and scanning every tally: a day owes `count` when a piece governs it and its
 * weekdays and window allow it, and counts what was logged that day up to `count`.
 */
export function perDayOracle(
  pieces: readonly (DateRange & { target: CountTarget })[],
  tallies: readonly DailyTally[],
  calendar: SchoolCalendar,
  range: DateRange,
  through: IsoDate
): { done: number; owed: number } {
  let done = 0;
  let owed = 0;
  for (let d = range.start; d <= range.end && d <= through; d = addDays(d, 1)) {
    const piece = pieces.find((p) => inRange(d, p));
    if (!piece) continue;
    const t = piece.target;
    const weekday = ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    if (t.weekdays && !t.weekdays.includes(weekday)) continue;
    if (t.window && !windowContains(t.window, d, calendar)) continue;
    owed += t.count;
    done += Math.min(
      t.count,
      tallies.reduce((s, x) => (x.date === d ? s + x.count : s), 0)
    );
  }
  return { done, owed };
}
