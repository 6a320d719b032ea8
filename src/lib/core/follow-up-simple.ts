import { type DateRange, maxDate, minDate } from './dates';
import { addDays, daysBetween } from './follow-up-days';
import {
  type ActiveDates,
  activeDates,
  doneRange,
  searchDates,
  type FollowUpContext,
  type JudgedPeriod,
  type PeriodResult,
  sumCount,
  sumShifts,
  verdict
} from './follow-up-types';
import type { ContinuousTarget } from './target';

/** Follows up "varje arbetspass": every shift worked owes one activity; today's shift is owed from tomorrow. */
export function evaluateEveryShift(ctx: FollowUpContext): PeriodResult[] {
  return ctx.periods.map((p) => {
    const base = {
      start: p.start,
      end: p.end,
      done: sumCount(ctx.tallies, doneRange(p, ctx.today))
    };
    if (p.phase === 'upcoming') return { ...base, expected: null, status: 'upcoming' };
    const owedUntil = p.phase === 'closed' ? p.end : addDays(ctx.today, -1);
    const expected =
      p.start <= owedUntil ? sumShifts(ctx.tallies, { start: p.start, end: owedUntil }) : 0;
    if (expected === 0) {
      return { ...base, expected: 0, status: 'not-applicable', detail: 'no shifts were worked' };
    }
    const share = expected > 0 ? ` (${Math.round((100 * base.done) / expected)} %)` : '';
    return {
      ...base,
      expected,
      status: verdict(p.phase, base.done >= expected),
      detail: `activities per shift${share}`
    };
  });
}

/** The latest day with an activity on or before `day`, from the sorted active days. */
function lastActivityBefore(active: ActiveDates, day: string): string | null {
  return active[searchDates(active, day, true) - 1] ?? null;
}

/**
 * Follows up a continuous target: active when the latest activity lies within the quietAfterDays
 * days ending on the period's last day (or today); a young agreement is not called quiet.
 */
export function evaluateContinuous(target: ContinuousTarget, ctx: FollowUpContext): PeriodResult[] {
  const quietAfter = ctx.quietAfterDays ?? target.quietAfterDays;
  const active = activeDates(ctx.tallies, '9999-12-31');
  return ctx.periods.map((p: JudgedPeriod) => {
    const base = {
      start: p.start,
      end: p.end,
      expected: null,
      done: sumCount(ctx.tallies, doneRange(p, ctx.today))
    };
    if (p.phase === 'upcoming') return { ...base, status: 'upcoming' };
    const reference = minDate(ctx.today, p.end);
    const window: DateRange = { start: addDays(reference, 1 - quietAfter), end: reference };
    const last = lastActivityBefore(active, reference);
    if (last !== null && last >= window.start)
      return { ...base, status: 'active', detail: `last activity ${last}` };
    const since = last === null ? 'no activity yet' : `last activity ${last}`;
    if (ctx.span.start > window.start) {
      // The agreement is younger than the quiet limit: silence is not yet a failure.
      const age = daysBetween(ctx.span.start, reference) + 1;
      return {
        ...base,
        status: p.phase === 'current' ? 'on-track' : 'not-applicable',
        detail: `${since}; agreement day ${age} of a ${quietAfter}-day limit`
      };
    }
    const quietDays = daysBetween(maxDate(last ?? ctx.span.start, ctx.span.start), reference);
    return { ...base, status: 'quiet', detail: `${since}; quiet for ${quietDays} days` };
  });
}

/** Follows up an on-demand or unparsed target: activities are shown but never judged. */
export function evaluateUnjudged(ctx: FollowUpContext, detail: string): PeriodResult[] {
  return ctx.periods.map((p) => ({
    start: p.start,
    end: p.end,
    expected: null,
    done: sumCount(ctx.tallies, doneRange(p, ctx.today)),
    status: p.phase === 'upcoming' ? 'upcoming' : 'not-applicable',
    detail
  }));
}
