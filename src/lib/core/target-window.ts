import { type DateRange, type IsoDate, overlap } from './dates';
import { addDays, dateParts, rangeDays } from './follow-up-days';
import type { SchoolCalendar } from './school-calendar';
import type { TargetWindow } from './target';

/**
 * Tells whether a day lies inside a target's window: a months window by the day's month
 * (wrapping over new year: 10–3 = October to March), a school window by the municipality's school
 * calendar ('terms' = any term day). A school window with no dated entry covering the day is
 * outside: nothing is owed on days the calendar does not know.
 */
export function windowContains(
  window: TargetWindow,
  date: IsoDate,
  calendar: SchoolCalendar
): boolean {
  if (window.kind === 'months') {
    const m = dateParts(date).month;
    return window.from <= window.to
      ? m >= window.from && m <= window.to
      : m >= window.from || m <= window.to;
  }
  const wanted = window.period === 'terms' ? 'term' : window.period;
  return calendar.entries.some((e) => e.period === wanted && e.from <= date && date <= e.to);
}

/**
 * Counts the days of a range inside a window (all of them without a window). Months windows are
 * counted month by month and school windows entry by entry, never day by day over years.
 */
export function windowDays(
  window: TargetWindow | undefined,
  range: DateRange,
  calendar: SchoolCalendar
): number {
  if (range.start > range.end) return 0;
  if (!window) return rangeDays(range);
  if (window.kind === 'school') {
    const wanted = window.period === 'terms' ? 'term' : window.period;
    // Entries may overlap (a corrected default beside its default): merge before counting.
    const parts = calendar.entries
      .filter((e) => e.period === wanted)
      .map((e) => overlap({ start: e.from, end: e.to }, range))
      .filter((r): r is DateRange => r !== null)
      .sort((a, b) => (a.start < b.start ? -1 : 1));
    let days = 0;
    let covered: IsoDate | null = null;
    for (const p of parts) {
      const start = covered && p.start <= covered ? addDays(covered, 1) : p.start;
      if (start <= p.end) days += rangeDays({ start, end: p.end });
      if (!covered || p.end > covered) covered = p.end;
    }
    return days;
  }
  let days = 0;
  for (let start = range.start; start <= range.end;) {
    const { year, month } = dateParts(start);
    const monthEnd = addDays(
      `${year + (month === 12 ? 1 : 0)}-${String((month % 12) + 1).padStart(2, '0')}-01`,
      -1
    );
    const end = monthEnd < range.end ? monthEnd : range.end;
    if (windowContains(window, start, calendar)) days += rangeDays({ start, end });
    start = addDays(end, 1);
  }
  return days;
}
