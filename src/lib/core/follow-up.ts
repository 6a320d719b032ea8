import { evaluateCount } from './follow-up-count';
import { evaluateInterval } from './follow-up-interval';
import { evaluateOccasions } from './follow-up-occasions';
import { evaluateContinuous, evaluateEveryShift, evaluateUnjudged } from './follow-up-simple';
import type {
  FollowUpContext,
  FollowUpInput,
  FollowUpStatus,
  PeriodResult
} from './follow-up-types';
import { periods, phaseOf } from './periods';

/**
 * Follows up one measure's target over the agreement span, split into periods of the given kind,
 * from day tallies aggregated by the database; today is passed in, never read from a clock.
 */
export function followUp(input: FollowUpInput): PeriodResult[] {
  const ctx: FollowUpContext = {
    tallies: input.tallies,
    today: input.today,
    span: input.span,
    kind: input.period,
    periods: periods(input.span, input.period).map((p) => ({
      ...p,
      phase: phaseOf(p, input.today)
    })),
    riskOccasions: input.riskOccasions,
    quietAfterDays: input.quietAfterDays
  };
  const target = input.target;
  switch (target.kind) {
    case 'count':
      return evaluateCount(target, ctx);
    case 'interval':
      return evaluateInterval(target, ctx);
    case 'every-shift':
      return evaluateEveryShift(ctx);
    case 'continuous':
      return evaluateContinuous(target, ctx);
    case 'occasions':
      return evaluateOccasions(target, ctx);
    case 'on-demand':
      return evaluateUnjudged(ctx, 'on demand: never a failure');
    case 'unparsed':
      return evaluateUnjudged(ctx, 'target not interpreted');
  }
}

const KEPT: ReadonlySet<FollowUpStatus> = new Set(['met', 'on-track', 'active']);
const NOT_KEPT: ReadonlySet<FollowUpStatus> = new Set(['missed', 'behind', 'quiet']);

/**
 * Counts kept promises over closed and current periods (met, on-track, active versus missed,
 * behind, quiet); pass the results of many measures to get a focus area's or a party's share.
 */
export function fulfilment(results: readonly PeriodResult[]): {
  met: number;
  judged: number;
  share: number | null;
} {
  const met = results.filter((r) => KEPT.has(r.status)).length;
  const judged = met + results.filter((r) => NOT_KEPT.has(r.status)).length;
  return { met, judged, share: judged === 0 ? null : met / judged };
}
