import type { IsoDate } from './dates';
import type { SchoolPeriod } from './target';

/** One dated school-calendar period: a holiday or a term, inclusive. */
export type SchoolCalendarEntry = {
  period: Exclude<SchoolPeriod, 'terms'> | 'term';
  from: IsoDate;
  to: IsoDate;
};

/**
 * A municipality's school calendar over some years: its holidays and terms, the defaults
 * (sportlov week by county) corrected by its editors. Targets with a school window
 * ("under sommarlovet") expect activities only on these days.
 */
export type SchoolCalendar = { entries: readonly SchoolCalendarEntry[] };
