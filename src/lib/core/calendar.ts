import Holidays from 'date-holidays';
import { addDays, type DateRange, type IsoDate, weekday } from './dates';

/** A public holiday (helgdag) in Sweden. */
export type Holiday = { date: IsoDate; name: string };

/** A named risky date in a municipality's calendar (riskhelg, risktillfälle). */
export type RiskOccasion = { key: string; name: string; date: IsoDate };

/** Keys of the risk occasions the product knows by name; a municipality may add its own keys. */
export const RISK_OCCASION_KEYS = [
  'valborg',
  'skolavslutning',
  'studenten',
  'midsommar',
  'halloween',
  'jul',
  'nyar'
] as const;

/** Swedish display names of the known risk occasions. */
export const RISK_OCCASION_NAMES: Record<(typeof RISK_OCCASION_KEYS)[number], string> = {
  valborg: 'Valborg',
  skolavslutning: 'Skolavslutning',
  studenten: 'Studenten',
  midsommar: 'Midsommar',
  halloween: 'Halloween (alla helgons helg)',
  jul: 'Jul',
  nyar: 'Nyår'
};

let swedishCalendar: Holidays | null = null;
const byYear = new Map<number, { date: IsoDate; name: string; type: string }[]>();

function allHolidays(year: number): { date: IsoDate; name: string; type: string }[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  swedishCalendar ??= new Holidays('SE', { languages: ['sv'] });
  // `date` is 'YYYY-MM-DD hh:mm:ss' in Swedish local time; the first ten characters are the calendar day.
  const list = swedishCalendar
    .getHolidays(year, 'sv')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name, type: h.type }));
  byYear.set(year, list);
  return list;
}

/** Lists Sweden's public holidays (allmänna helgdagar) of a year, in date order. */
export function swedishHolidays(year: number): Holiday[] {
  return allHolidays(year)
    .filter((h) => h.type === 'public')
    .map(({ date, name }) => ({ date, name }));
}

function holidayDate(year: number, name: string): IsoDate | null {
  return allHolidays(year).find((h) => h.name.toLowerCase() === name)?.date ?? null;
}

/**
 * Lists a year's risk occasions: valborg, midsommar, halloween, jul and nyår by default, plus any
 * occasion (e.g. skolavslutning, studenten) whose date the municipality gives in `overrides`.
 */
export function defaultRiskOccasions(
  year: number,
  overrides: Readonly<Record<string, IsoDate>> = {}
): RiskOccasion[] {
  const defaults: Record<string, IsoDate | null> = {
    valborg: `${year}-04-30`,
    midsommar: holidayDate(year, 'midsommarafton'),
    halloween: holidayDate(year, 'alla helgons dag'),
    jul: `${year}-12-24`,
    nyar: `${year}-12-31`
  };
  const dates = { ...defaults, ...overrides };
  return Object.entries(dates)
    .flatMap(([key, date]) => {
      if (!date) return [];
      const name = (RISK_OCCASION_NAMES as Record<string, string>)[key] ?? key;
      return [{ key, name, date }];
    })
    .sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? -1 : 1));
}

/**
 * The days whose activities count for an occasion: the Friday–Sunday weekend when the occasion
 * falls on a Friday, Saturday or Sunday, otherwise the occasion day; always through the day after
 * the occasion, because the risky night runs past midnight.
 */
export function riskWeekendOf(date: IsoDate): DateRange {
  const day = weekday(date);
  const start = day >= 5 ? addDays(date, 5 - day) : date;
  const end = day === 5 || day === 6 ? addDays(date, 7 - day) : addDays(date, 1);
  return { start, end };
}
