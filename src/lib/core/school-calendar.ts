import { swedishHolidays } from './calendar';
import { addDays, type DateRange, type IsoDate, startOfIsoWeek, weekday } from './dates';
import type { SchoolPeriod } from './target';

/** One dated school-calendar period: a holiday or a whole term (holidays inside it included), inclusive. */
export type SchoolCalendarEntry = {
  period: Exclude<SchoolPeriod, 'terms'> | 'term';
  from: IsoDate;
  to: IsoDate;
};

/**
 * A municipality's school calendar over some years: its holidays and terms, the defaults
 * (sportlov week by county) corrected by its editors. Targets with a school window
 * ("under sommarlovet") expect activities only on these days. A 'term' entry is a whole term
 * (hösttermin or vårtermin); the window 'terms' is the terms without the holidays inside them.
 */
export type SchoolCalendar = { entries: readonly SchoolCalendarEntry[] };

/**
 * The ISO week of sportlov by county code (län), as municipalities usually set it: week 7 in the
 * south and west, 8 in middle Sweden, 9 in Stockholm and Västernorrland, 10 in Västerbotten and
 * Norrbotten. Editors correct it where their municipality differs.
 */
export const SPORTLOV_WEEK_BY_COUNTY: Readonly<Record<string, number>> = {
  '01': 9, // Stockholm
  '03': 8, // Uppsala
  '04': 8, // Södermanland
  '05': 8, // Östergötland
  '06': 7, // Jönköping
  '07': 7, // Kronoberg
  '08': 7, // Kalmar
  '09': 8, // Gotland
  '10': 7, // Blekinge
  '12': 7, // Skåne
  '13': 7, // Halland
  '14': 7, // Västra Götaland (parts have week 8)
  '17': 8, // Värmland
  '18': 8, // Örebro
  '19': 8, // Västmanland
  '20': 8, // Dalarna
  '21': 8, // Gävleborg
  '22': 9, // Västernorrland
  '23': 8, // Jämtland
  '24': 10, // Västerbotten
  '25': 10 // Norrbotten
};

/** The sportlov week when the county is unknown. */
export const DEFAULT_SPORTLOV_WEEK = 8;

/** The Monday of an ISO week. */
function mondayOfWeek(year: number, week: number): IsoDate {
  return addDays(startOfIsoWeek(`${year}-01-04`), 7 * (week - 1));
}

/** The last weekday (Monday–Friday) on or before a date. */
function weekdayOnOrBefore(date: IsoDate): IsoDate {
  const d = weekday(date);
  return d <= 5 ? date : addDays(date, 5 - d);
}

/** The first weekday (Monday–Friday) on or after a date. */
function weekdayOnOrAfter(date: IsoDate): IsoDate {
  const d = weekday(date);
  return d <= 5 ? date : addDays(date, 8 - d);
}

function easterMonday(year: number): IsoDate {
  const found = swedishHolidays(year).find((h) => h.name.toLowerCase() === 'annandag påsk');
  if (!found) throw new Error(`No Easter Monday found for ${year}`);
  return found.date;
}

/**
 * The usual school year that starts in the autumn of `year`: hösttermin from the Monday of week 34
 * to the last weekday on or before 21 December, höstlov in week 44, jullov until the first weekday
 * on or after 8 January, vårtermin until the Friday of week 24, sportlov in the county's week,
 * påsklov from Easter Monday through the following Sunday, sommarlov until the next hösttermin.
 */
function schoolYear(year: number, sportlovWeek: number): SchoolCalendarEntry[] {
  const autumnStart = mondayOfWeek(year, 34);
  const autumnEnd = weekdayOnOrBefore(`${year}-12-21`);
  const springStart = weekdayOnOrAfter(`${year + 1}-01-08`);
  const springEnd = addDays(mondayOfWeek(year + 1, 24), 4);
  const nextAutumnStart = mondayOfWeek(year + 1, 34);
  const hostlov = mondayOfWeek(year, 44);
  const sportlov = mondayOfWeek(year + 1, sportlovWeek);
  const paasklov = easterMonday(year + 1);
  return [
    { period: 'term', from: autumnStart, to: autumnEnd },
    { period: 'hostlov', from: hostlov, to: addDays(hostlov, 6) },
    { period: 'jullov', from: addDays(autumnEnd, 1), to: addDays(springStart, -1) },
    { period: 'term', from: springStart, to: springEnd },
    { period: 'sportlov', from: sportlov, to: addDays(sportlov, 6) },
    { period: 'paasklov', from: paasklov, to: addDays(paasklov, 6) },
    { period: 'sommarlov', from: addDays(springEnd, 1), to: addDays(nextAutumnStart, -1) }
  ];
}

/**
 * The usual school calendar of a county (län code such as '24'; null when unknown) for the
 * calendar years fromYear–toYear: every holiday and term that touches those years, in date order.
 */
export function defaultSchoolCalendar(
  countyCode: string | null,
  fromYear: number,
  toYear: number
): SchoolCalendar {
  // A pure function asked for on every follow-up (it works out Easter and other holidays for
  // each year): remembered per county and years, frozen, bounded.
  const key = `${countyCode}|${fromYear}|${toYear}`;
  let hit = defaults.get(key);
  if (!hit) {
    hit = Object.freeze(computeDefaults(countyCode, fromYear, toYear).map((e) => Object.freeze(e)));
    if (defaults.size >= 1_000) defaults.clear();
    defaults.set(key, hit);
  }
  return { entries: hit };
}

const defaults = new Map<string, readonly SchoolCalendarEntry[]>();

function computeDefaults(
  countyCode: string | null,
  fromYear: number,
  toYear: number
): SchoolCalendarEntry[] {
  const week = (countyCode && SPORTLOV_WEEK_BY_COUNTY[countyCode]) || DEFAULT_SPORTLOV_WEEK;
  const [first, last] = [`${fromYear}-01-01`, `${toYear}-12-31`];
  const entries: SchoolCalendarEntry[] = [];
  for (let y = fromYear - 1; y <= toYear; y++) {
    for (const e of schoolYear(y, week)) if (e.to >= first && e.from <= last) entries.push(e);
  }
  entries.sort((a, b) =>
    a.from === b.from ? a.period.localeCompare(b.period) : a.from < b.from ? -1 : 1
  );
  return entries;
}

/**
 * The days a school window covers, as date ranges in order: a holiday's entries, or for 'terms'
 * the terms with the holidays inside them cut out.
 */
export function schoolPeriodRanges(calendar: SchoolCalendar, period: SchoolPeriod): DateRange[] {
  if (period !== 'terms') {
    return calendar.entries
      .filter((e) => e.period === period)
      .map((e) => ({ start: e.from, end: e.to }));
  }
  const holidays = calendar.entries.filter((e) => e.period !== 'term');
  const out: DateRange[] = [];
  for (const term of calendar.entries.filter((e) => e.period === 'term')) {
    let pieces: DateRange[] = [{ start: term.from, end: term.to }];
    for (const h of holidays) {
      pieces = pieces.flatMap((p) => {
        if (h.to < p.start || h.from > p.end) return [p];
        const kept: DateRange[] = [];
        if (h.from > p.start) kept.push({ start: p.start, end: addDays(h.from, -1) });
        if (h.to < p.end) kept.push({ start: addDays(h.to, 1), end: p.end });
        return kept;
      });
    }
    out.push(...pieces);
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
