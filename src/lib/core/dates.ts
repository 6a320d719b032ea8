/**
 * Calendar-date helpers on plain 'YYYY-MM-DD' strings (Europe/Stockholm calendar days).
 * All arithmetic goes through a day number (days since 1970-01-01, via Date.UTC), so no
 * time zone or daylight-saving change can move a date.
 */

/** A calendar date written 'YYYY-MM-DD'. */
export type IsoDate = string;

/** An inclusive range of calendar dates. */
export type DateRange = { start: IsoDate; end: IsoDate };

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Tells whether a value is a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Splits a date into numeric year, month (1-12) and day, throwing RangeError on a malformed date. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10))
  };
}

/** Builds a date string from year, month (1-12) and day, normalising overflow like Date.UTC does. */
export function makeDate(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY));
}

/** Returns the number of days since 1970-01-01 for a date. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Returns the date for a number of days since 1970-01-01. */
export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Adds a (possibly negative) number of days to a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Counts the days from `from` to `to` (positive when `to` is later, 0 for the same day). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Counts the days of an inclusive range (0 when the range is empty). */
export function rangeDays(range: DateRange): number {
  return Math.max(0, daysBetween(range.start, range.end) + 1);
}

/** Lists every date of an inclusive range in order. */
export function eachDay(range: DateRange): IsoDate[] {
  const first = toDayNumber(range.start);
  const last = toDayNumber(range.end);
  const days: IsoDate[] = [];
  for (let n = first; n <= last; n++) days.push(fromDayNumber(n));
  return days;
}

/** Returns the part two inclusive ranges share, or null when they do not meet. */
export function overlap(a: DateRange, b: DateRange): DateRange | null {
  const start = maxDate(a.start, b.start);
  const end = minDate(a.end, b.end);
  return start <= end ? { start, end } : null;
}

/** Tells whether a date lies inside an inclusive range. */
export function inRange(date: IsoDate, range: DateRange): boolean {
  return date >= range.start && date <= range.end;
}

/** Returns the earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** Returns the later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Tells whether a year is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Counts the days of a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Returns the first day of the date's month. */
export function startOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return makeDate(year, month, 1);
}

/** Returns the last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return makeDate(year, month, daysInMonth(year, month));
}

/** Tertial number of a date: 1 = jan–apr, 2 = maj–aug, 3 = sep–dec. */
export type Tertial = 1 | 2 | 3;

/** Returns the tertial (1: jan–apr, 2: maj–aug, 3: sep–dec) a date falls in. */
export function tertialOf(date: IsoDate): Tertial {
  const { month } = dateParts(date);
  return month <= 4 ? 1 : month <= 8 ? 2 : 3;
}

/** Returns the first day of the date's tertial. */
export function startOfTertial(date: IsoDate): IsoDate {
  const { year } = dateParts(date);
  return makeDate(year, (tertialOf(date) - 1) * 4 + 1, 1);
}

/** Returns the last day of the date's tertial. */
export function endOfTertial(date: IsoDate): IsoDate {
  const { year } = dateParts(date);
  return endOfMonth(makeDate(year, tertialOf(date) * 4, 1));
}

/** Returns 1 January of the date's year. */
export function startOfYear(date: IsoDate): IsoDate {
  return makeDate(dateParts(date).year, 1, 1);
}

/** Returns 31 December of the date's year. */
export function endOfYear(date: IsoDate): IsoDate {
  return makeDate(dateParts(date).year, 12, 31);
}

/** Returns the ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Returns the Monday that starts the date's ISO week. */
export function startOfIsoWeek(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekday(date));
}

/** Returns the Sunday that ends the date's ISO week. */
export function endOfIsoWeek(date: IsoDate): IsoDate {
  return addDays(date, 7 - weekday(date));
}

/** Returns the ISO week number (1-53, "vecka 12") of a date. */
export function isoWeek(date: IsoDate): number {
  const thursday = addDays(date, 4 - weekday(date));
  return Math.floor(daysBetween(startOfYear(thursday), thursday) / 7) + 1;
}

/** Returns the year an ISO week belongs to (differs from the calendar year around new year). */
export function isoWeekYear(date: IsoDate): number {
  return dateParts(addDays(date, 4 - weekday(date))).year;
}

/** The months' names in Swedish, January first. */
export const SWEDISH_MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december'
] as const;
