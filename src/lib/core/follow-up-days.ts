/**
 * The date helpers of `dates.ts` that the follow-up calls thousands of times per measure, with
 * the same answers (and the same RangeError for a malformed date), memoised: a date string's day
 * number and a day number's date string are looked up instead of parsed with a regular expression
 * and formatted through `Date` each time. The follow-up of one agreement over four years asks for
 * a few thousand distinct dates, so the caches stay small; they are emptied if they ever grow
 * past a bound. `follow-up-days.test.ts` checks every helper against `dates.ts`.
 */
import * as slow from './dates';
import type { DateRange, IsoDate } from './dates';

const LIMIT = 100_000;
const numberOf = new Map<string, number>();
const dateOf = new Map<number, IsoDate>();

/** Days since 1970-01-01 (as dates.toDayNumber; throws RangeError on a malformed date). */
export function toDayNumber(date: IsoDate): number {
  const hit = numberOf.get(date);
  if (hit !== undefined) return hit;
  const n = slow.toDayNumber(date);
  if (numberOf.size >= LIMIT) numberOf.clear();
  numberOf.set(date, n);
  return n;
}

/** The date of a day number (as dates.fromDayNumber). */
export function fromDayNumber(n: number): IsoDate {
  const hit = dateOf.get(n);
  if (hit !== undefined) return hit;
  const d = slow.fromDayNumber(n);
  if (dateOf.size >= LIMIT) dateOf.clear();
  dateOf.set(n, d);
  return d;
}

/** Adds a (possibly negative) number of days to a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Counts the days from `from` to `to`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Counts the days of an inclusive range (0 when the range is empty). */
export function rangeDays(range: DateRange): number {
  return Math.max(0, toDayNumber(range.end) - toDayNumber(range.start) + 1);
}

/** Every date of an inclusive range in order. */
export function eachDay(range: DateRange): IsoDate[] {
  const first = toDayNumber(range.start);
  const last = toDayNumber(range.end);
  const days: IsoDate[] = [];
  for (let n = first; n <= last; n++) days.push(fromDayNumber(n));
  return days;
}

/** Year, month (1-12) and day of a date (throws RangeError on a malformed date). */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  toDayNumber(date); // validates, once per distinct date
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10))
  };
}

/** The ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday that starts the date's ISO week. */
export function startOfIsoWeek(date: IsoDate): IsoDate {
  const n = toDayNumber(date);
  return fromDayNumber(n - ((((n + 3) % 7) + 7) % 7));
}
