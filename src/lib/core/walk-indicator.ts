/**
 * The indicator over time (issue 18, item 6): the share of walk observations fixed within their
 * due date, per tertial. An observation belongs to the period of its due date, and every period
 * is a whole calendar tertial, so a period's figures never depend on the window asked for: the
 * window only decides which periods are listed. The rule per observation is `fixedWithinDue`.
 */
import { endOfTertial, startOfTertial, tertialOf, type DateRange, type IsoDate } from './dates';
import { periods } from './periods';
import { fixedWithinDue, type ObservationStatusCode } from './walks';

/** What one month of due dates holds: observations fixed in time, and those judged. */
export type MonthCount = { month: string; fixedInTime: number; judged: number };

/** One tertial of the indicator; `share` is null when nothing in it could be judged yet. */
export type PeriodShare = {
  key: string;
  start: IsoDate;
  end: IsoDate;
  fixedInTime: number;
  judged: number;
  share: number | null;
};

/** The whole tertials that touch a window, oldest first. */
export function tertialsOf(window: DateRange): DateRange[] {
  if (window.start > window.end) return [];
  return periods({ start: startOfTertial(window.start), end: endOfTertial(window.end) }, 'tertial');
}

/** A tertial's key, e.g. '2026-T1'. */
export const tertialKey = (start: IsoDate): string => `${start.slice(0, 4)}-T${tertialOf(start)}`;

/**
 * Per month of due date (YYYY-MM), what `fixedWithinDue` gives for the observations due in it.
 * The SQL aggregate (walk-indicator.repository.ts) computes the same; tests compare the two.
 */
export function monthCountsOf(
  observations: { status: ObservationStatusCode; dueOn: string | null; fixedOn: string | null }[],
  today: IsoDate
): MonthCount[] {
  const byMonth = new Map<string, typeof observations>();
  for (const o of observations) {
    if (!o.dueOn) continue;
    const m = o.dueOn.slice(0, 7);
    byMonth.set(m, [...(byMonth.get(m) ?? []), o]);
  }
  return [...byMonth]
    .map(([month, list]) => {
      const { fixedInTime, judged } = fixedWithinDue(list, today);
      return { month, fixedInTime, judged };
    })
    .filter((m) => m.judged > 0)
    .sort((a, b) => (a.month < b.month ? -1 : 1));
}

/** Adds up monthly counts into the whole tertials of a window. */
export function sharePerTertial(months: MonthCount[], window: DateRange): PeriodShare[] {
  return tertialsOf(window).map(({ start, end }) => {
    let fixedInTime = 0;
    let judged = 0;
    for (const m of months) {
      if (m.month < start.slice(0, 7) || m.month > end.slice(0, 7)) continue;
      fixedInTime += m.fixedInTime;
      judged += m.judged;
    }
    return {
      key: tertialKey(start),
      start,
      end,
      fixedInTime,
      judged,
      share: judged ? fixedInTime / judged : null
    };
  });
}

/**
 * The periods worth showing: from the first one with anything judged to the last one that has
 * begun by today (nothing is judged in a tertial that has not started).
 */
export function shownPeriods(list: PeriodShare[], today: IsoDate): PeriodShare[] {
  const first = list.findIndex((p) => p.judged > 0);
  if (first < 0) return [];
  return list.slice(first).filter((p) => p.start <= today);
}
