import { type DateRange, endOfMonth, type IsoDate, inRange, makeDate, startOfMonth } from './dates';
import { addDays, dateParts, startOfIsoWeek } from './follow-up-days';
import {
  activeDates,
  anyActive,
  type FollowUpContext,
  type PeriodResult,
  verdict
} from './follow-up-types';
import type { IntervalTarget, IntervalUnit } from './target';
import { windowContains } from './target-window';

/** One step of an interval target: its days and the middle day that places it in a period. */
export type IntervalStep = DateRange & { middle: IsoDate };

function weekendStep(friday: IsoDate): IntervalStep {
  return { start: friday, end: addDays(friday, 2), middle: addDays(friday, 1) };
}

function weekStep(monday: IsoDate): IntervalStep {
  return { start: monday, end: addDays(monday, 6), middle: addDays(monday, 3) };
}

function monthStep(first: IsoDate): IntervalStep {
  const { year, month } = dateParts(first);
  return { start: first, end: endOfMonth(first), middle: makeDate(year, month, 15) };
}

/**
 * Lists the steps of an interval unit whose middle day lies in the span: weekends Friday–Sunday
 * (middle Saturday), ISO weeks (middle Thursday), months (middle the 15th) or single days.
 */
export function intervalSteps(unit: IntervalUnit, span: DateRange): IntervalStep[] {
  const daySteps = (d: IsoDate): IntervalStep => ({ start: d, end: d, middle: d });
  const first: Record<IntervalUnit, IntervalStep> = {
    weekend: weekendStep(addDays(startOfIsoWeek(span.start), 4)),
    week: weekStep(startOfIsoWeek(span.start)),
    month: monthStep(startOfMonth(span.start)),
    day: daySteps(span.start)
  };
  const next: Record<IntervalUnit, (s: IntervalStep) => IntervalStep> = {
    weekend: (s) => weekendStep(addDays(s.start, 7)),
    week: (s) => weekStep(addDays(s.start, 7)),
    month: (s) => monthStep(addDays(s.end, 1)),
    day: (s) => daySteps(addDays(s.start, 1))
  };
  const steps: IntervalStep[] = [];
  let step = first[unit];
  if (step.middle < span.start) step = next[unit](step);
  for (; step.middle <= span.end; step = next[unit](step)) steps.push(step);
  return steps;
}

/**
 * Follows up "var tredje helg": every run of `every` consecutive steps must hold an activity.
 * Steps run over the measure's whole timeline (never from the first day asked for), and each run
 * is judged in the period holding its last step, so runs across period edges, years and plan
 * versions count. With a window ("under sommarlovet") only steps whose middle day is inside it
 * count, runs never bridge a gap between windows, and a stretch shorter than `every` owes one run.
 * In the current period only runs that are over, or already covered, are judged.
 */
export function evaluateInterval(target: IntervalTarget, ctx: FollowUpContext): PeriodResult[] {
  const allSteps = intervalSteps(target.unit, ctx.span);
  const inWindow = (s: IntervalStep) =>
    !target.window || windowContains(target.window, s.middle, ctx.calendar);
  const active = activeDates(ctx.tallies, ctx.today);
  // Stretches of consecutive steps inside the window (the whole timeline without a window).
  const stretches: IntervalStep[][] = [];
  let open = false;
  for (const step of allSteps) {
    if (!inWindow(step)) {
      open = false;
      continue;
    }
    if (!open) stretches.push([]);
    stretches[stretches.length - 1]!.push(step);
    open = true;
  }
  const windows = stretches.flatMap((steps) => {
    const hit = steps.map((s) => anyActive(active, s));
    if (steps.length < target.every)
      return [{ last: steps[steps.length - 1]!, covered: hit.some(Boolean) }];
    return steps.flatMap((last, k) =>
      k + 1 < target.every
        ? []
        : [{ last, covered: hit.slice(k + 1 - target.every, k + 1).some(Boolean) }]
    );
  });
  return ctx.periods.map((p): PeriodResult => {
    const mine = windows.filter((w) => inRange(w.last.middle, p));
    const base = { start: p.start, end: p.end };
    if (p.phase === 'upcoming')
      return { ...base, expected: mine.length, done: 0, status: 'upcoming' };
    const judged =
      p.phase === 'closed' ? mine : mine.filter((w) => w.covered || w.last.end < ctx.today);
    const done = judged.filter((w) => w.covered).length;
    if (judged.length === 0) {
      return {
        ...base,
        expected: 0,
        done: 0,
        status: 'not-applicable',
        detail: 'no run ends in this period yet'
      };
    }
    const gaps = judged.filter((w) => !w.covered).map((w) => w.last.start);
    return {
      ...base,
      expected: judged.length,
      done,
      status: verdict(p.phase, done === judged.length),
      ...(gaps.length > 0
        ? {
            detail: `no activity in the ${target.every} ${target.unit}(s) ending with the one starting ${gaps.join(', ')}`
          }
        : {})
    };
  });
}
