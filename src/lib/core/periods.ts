import {
  addDays,
  type DateRange,
  endOfMonth,
  endOfTertial,
  endOfYear,
  minDate,
  type IsoDate
} from './dates';

/** How a follow-up splits the agreement span: per calendar month, tertial, year, or the whole agreement. */
export const PERIOD_KINDS = ['month', 'tertial', 'year', 'agreement'] as const;
/** A follow-up period kind. */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const END_OF: Record<Exclude<PeriodKind, 'agreement'>, (date: IsoDate) => IsoDate> = {
  month: endOfMonth,
  tertial: endOfTertial,
  year: endOfYear
};

/** Splits a span into calendar periods of a kind, the first and last clipped to the span. */
export function periods(span: DateRange, kind: PeriodKind): DateRange[] {
  if (span.start > span.end) return [];
  if (kind === 'agreement') return [{ start: span.start, end: span.end }];
  const endOf = END_OF[kind];
  const out: DateRange[] = [];
  for (let start = span.start; start <= span.end;) {
    const end = minDate(endOf(start), span.end);
    out.push({ start, end });
    start = addDays(end, 1);
  }
  return out;
}

/** Where a period stands relative to today. */
export type PeriodPhase = 'closed' | 'current' | 'upcoming';

/** Tells whether a period is closed (ended before today), current (contains today) or upcoming. */
export function phaseOf(period: DateRange, today: IsoDate): PeriodPhase {
  if (period.end < today) return 'closed';
  return period.start > today ? 'upcoming' : 'current';
}
