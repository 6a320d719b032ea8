import type { IsoDate } from '../../../core';
import { defaultRiskOccasions, riskWeekendOf } from '../../../core/calendar';
import { intervalSteps } from '../../../core/follow-up-interval';
import { parseTarget } from '../../../core/target-parser';
import type { DemoAgreementPlan, DemoMeasure } from './national-plan';

/** An activity the generator places on a day its target asks for. */
export type ScheduledActivity = { agreement: number; measure: DemoMeasure; day: IsoDate };

/** How often a scheduled step or occasion is kept: most are done, some are missed, as in life. */
const KEEP = { interval: 0.75, occasions: 0.85 } as const;

/**
 * Days that "var tredje helg" and "under riskhelger"/"vid valborg och midsommar" ask for. Spread
 * evenly over days, a demo's activities almost never land on a risk weekend or in every third
 * weekend, so every such measure read as missed; these are placed on the days the target names
 * (its step's middle, an occasion's risk weekend), most of them kept, some missed.
 */
export function scheduledActivities(
  plans: readonly DemoAgreementPlan[],
  span: { start: IsoDate; until: IsoDate },
  rnd: () => number
): ScheduledActivity[] {
  const out: ScheduledActivity[] = [];
  const first = Number(span.start.slice(0, 4));
  const last = Number(span.until.slice(0, 4));
  for (const [agreement, plan] of plans.entries()) {
    for (const measure of plan.measures) {
      const target = parseTarget(measure.targetText);
      if (target.kind === 'interval') {
        for (const step of intervalSteps(target.unit, { start: span.start, end: span.until }))
          if (rnd() < KEEP.interval) out.push({ agreement, measure, day: step.middle });
      } else if (target.kind === 'occasions') {
        for (let year = first; year <= last; year++)
          for (const occasion of defaultRiskOccasions(year)) {
            if (target.occasions !== 'risk-weekends' && !target.occasions.includes(occasion.key))
              continue;
            const day = riskWeekendOf(occasion.date).start;
            if (day >= span.start && day <= span.until && rnd() < KEEP.occasions)
              out.push({ agreement, measure, day });
          }
      }
    }
  }
  return out;
}

/** At most `limit` of them, chosen evenly, in day order. */
export function capScheduled(list: ScheduledActivity[], limit: number): ScheduledActivity[] {
  const sorted = [...list].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  if (sorted.length <= limit) return sorted;
  if (limit <= 0) return [];
  const step = sorted.length / limit;
  return Array.from({ length: limit }, (_, i) => sorted[Math.floor(i * step)]!);
}
