import {
  type DateRange,
  endOfMonth,
  endOfTertial,
  endOfYear,
  type IsoDate,
  makeDate,
  overlap,
  startOfMonth,
  startOfTertial,
  startOfYear
} from './dates';
import { addDays, eachDay, dateParts, rangeDays, startOfIsoWeek } from './follow-up-days';
import type { SchoolCalendar } from './school-calendar';
import type { TargetPer } from './target';

const startOfQuarter = (d: IsoDate) => {
  const { year, month } = dateParts(d);
  return makeDate(year, month - ((month - 1) % 3), 1);
};
const startOfHalf = (d: IsoDate) => {
  const { year, month } = dateParts(d);
  return makeDate(year, month <= 6 ? 1 : 7, 1);
};

const UNIT_BOUNDS: Record<
  'week' | 'month' | 'quarter' | 'tertial' | 'half-year' | 'year',
  [(d: IsoDate) => IsoDate, (d: IsoDate) => IsoDate]
> = {
  week: [startOfIsoWeek, (d) => addDays(startOfIsoWeek(d), 6)],
  month: [startOfMonth, endOfMonth],
  quarter: [startOfQuarter, (d) => endOfMonth(addDays(startOfQuarter(d), 62))],
  tertial: [startOfTertial, endOfTertial],
  'half-year': [startOfHalf, (d) => endOfMonth(addDays(startOfHalf(d), 160))],
  year: [startOfYear, endOfYear]
};

/**
 * School terms from the calendar, oldest first; without any, calendar halves stand in
 * (spring = January–June, autumn = July–December), so a per-term target is never silently dropped.
 */
function terms(range: DateRange, calendar: SchoolCalendar): DateRange[] {
  const own = calendar.entries
    .filter((e) => e.period === 'term')
    .map((e) => ({ start: e.from, end: e.to }))
    .sort((a, b) => (a.start < b.start ? -1 : 1));
  if (own.length > 0) return own.filter((t) => overlap(t, range));
  return calendarUnits('half-year', range);
}

/** School years (läsår): an autumn term with the spring term after it; without terms, 1 July–30 June. */
function schoolYears(range: DateRange, calendar: SchoolCalendar): DateRange[] {
  const own = calendar.entries.filter((e) => e.period === 'term');
  if (own.length === 0) {
    const out: DateRange[] = [];
    const { year, month } = dateParts(range.start);
    for (let y = month >= 7 ? year : year - 1; makeDate(y, 7, 1) <= range.end; y++)
      out.push({ start: makeDate(y, 7, 1), end: makeDate(y + 1, 6, 30) });
    return out;
  }
  const byYear = new Map<number, DateRange>();
  for (const t of own) {
    const { year, month } = dateParts(t.from);
    const key = month >= 7 ? year : year - 1;
    const prev = byYear.get(key);
    byYear.set(key, {
      start: prev && prev.start < t.from ? prev.start : t.from,
      end: prev && prev.end > t.to ? prev.end : t.to
    });
  }
  return [...byYear.values()]
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .filter((y) => overlap(y, range));
}

/** calendarUnits remembered per unit and range (a pure function; frozen answers, bounded). */
const unitCache = new Map<string, readonly DateRange[]>();

function calendarUnits(per: keyof typeof UNIT_BOUNDS, range: DateRange): DateRange[] {
  const key = `${per}|${range.start}|${range.end}`;
  let hit = unitCache.get(key);
  if (!hit) {
    hit = Object.freeze(computeCalendarUnits(per, range).map((u) => Object.freeze(u)));
    if (unitCache.size >= 1_000) unitCache.clear();
    unitCache.set(key, hit);
  }
  return [...hit];
}

function computeCalendarUnits(per: keyof typeof UNIT_BOUNDS, range: DateRange): DateRange[] {
  const [startOf, endOf] = UNIT_BOUNDS[per];
  const units: DateRange[] = [];
  for (let start = startOf(range.start); start <= range.end;) {
    const end = endOf(start);
    units.push({ start, end });
    start = addDays(end, 1);
  }
  return units;
}

/**
 * Lists the whole units of a target's `per` that overlap a range, unclipped: ISO weeks
 * Monday–Sunday, months, quarters, tertials, half-years, years, days, school terms and school
 * years from the calendar, and for 'period' the plan versions (or the whole span without them).
 */
export function unitsOverlapping(
  per: TargetPer,
  range: DateRange,
  span: DateRange,
  options: { calendar?: SchoolCalendar; versions?: readonly DateRange[] } = {}
): DateRange[] {
  if (range.start > range.end) return [];
  if (per === 'period') {
    const versions = options.versions?.length ? options.versions : [span];
    return versions.filter((v) => overlap(v, range));
  }
  if (per === 'day') return eachDay(range).map((d) => ({ start: d, end: d }));
  if (per === 'term') return terms(range, options.calendar ?? { entries: [] });
  if (per === 'school-year') return schoolYears(range, options.calendar ?? { entries: [] });
  return calendarUnits(per, range);
}

/**
 * The day that places a unit in a follow-up period: its middle (a week's Thursday, so ISO week 53
 * of 2020 belongs to 2020 and week 1 of 2020, which starts 30 December 2019, too).
 */
export function unitMiddle(unit: DateRange): IsoDate {
  return addDays(unit.start, Math.floor((rangeDays(unit) - 1) / 2));
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
  quarter: 2.5,
  tertial: 3,
  'half-year': 3.5,
  term: 3.5,
  'school-year': 4,
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
