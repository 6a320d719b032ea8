import { addDays, endOfMonth, type IsoDate } from './dates';

/** How an activity is published: at once, after a delay, only as a monthly count, or never. */
export type PublicationRule = 'public' | 'delayed' | 'monthly' | 'internal';

/** The day an internal activity would be public: never (a date no real day reaches). */
export const NEVER_PUBLIC: IsoDate = '9999-12-31';

/**
 * The first day an activity may be public under a rule, computed from the rule, the day it
 * happened and the measure's delay alone (never from an earlier publish date), and never before
 * the day after it happened: public → the next day; delayed → after `delayDays` (at least one);
 * monthly → the first day of the next month; internal → never.
 */
export function publishAfter(
  rule: PublicationRule,
  occurredOn: IsoDate,
  delayDays: number
): IsoDate {
  if (rule === 'delayed') return addDays(occurredOn, Math.max(1, Math.trunc(delayDays) || 0));
  if (rule === 'monthly') return addDays(endOfMonth(occurredOn), 1);
  if (rule === 'internal') return NEVER_PUBLIC;
  return addDays(occurredOn, 1);
}
