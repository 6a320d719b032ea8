import { type DateRange, overlap } from './dates';
import { addDays } from './follow-up-days';
import { type CountPiece, evaluateCount } from './follow-up-count';
import { evaluateInterval } from './follow-up-interval';
import { evaluateOccasions } from './follow-up-occasions';
import { evaluateContinuous, evaluateEveryShift, evaluateUnjudged } from './follow-up-simple';
import type {
  FollowUpContext,
  FollowUpInput,
  FollowUpStatus,
  JudgedPeriod,
  PeriodResult,
  PlanPiece
} from './follow-up-types';
import { periods, phaseOf } from './periods';
import type { Target } from './target';

function evaluateOne(target: Target, ctx: FollowUpContext, piece: PlanPiece): PeriodResult[] {
  switch (target.kind) {
    case 'count':
      return evaluateCount([{ ...piece, target }], ctx);
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

/** Two count targets add up unit by unit when they count the same unit in the same way. */
function sameCountShape(a: Target, b: Target): boolean {
  return (
    a.kind === 'count' &&
    b.kind === 'count' &&
    a.per === b.per &&
    !!a.perUnit === !!b.perUnit &&
    a.sum === b.sum &&
    (a.per !== 'day' || !!a.weekdays === !!b.weekdays)
  );
}

/** Order of precedence when one period is judged in parts (a revision took effect inside it). */
const MERGE_ORDER: readonly FollowUpStatus[] = [
  'missed',
  'behind',
  'quiet',
  'needs-date',
  'on-track',
  'active',
  'met',
  'not-applicable',
  'upcoming'
];

/** A merged status said the way the whole period's phase says it: a running period is never 'met'. */
function inPhase(status: FollowUpStatus, phase: JudgedPeriod['phase']): FollowUpStatus {
  if (phase === 'current' && status === 'met') return 'on-track';
  if (phase === 'current' && status === 'missed') return 'behind';
  return status;
}

/**
 * Combines the parts of a period in which a revision changed how a measure is counted (another
 * kind, or a count of another shape): each part was judged by its own rule on its own days. The
 * period is kept only if every judged part is (the worst part decides); expected adds up the
 * parts; done counts each judged part at most up to what it owed, so a surplus before the change
 * never covers a shortfall after it. docs/FOLLOW-UP.md §8, "Olika sorters mål i samma period".
 */
function merge(period: JudgedPeriod, parts: readonly PeriodResult[]): PeriodResult {
  if (parts.length === 1) {
    const only = parts[0]!;
    // Judged whole (the common case): the part is the period, no copy needed.
    if (only.start === period.start && only.end === period.end) return only;
    return { ...only, start: period.start, end: period.end };
  }
  const expectations = parts.map((r) => r.expected).filter((e): e is number => e !== null);
  const worst = MERGE_ORDER.find((s) => parts.some((r) => r.status === s)) ?? 'not-applicable';
  const status = inPhase(worst, period.phase);
  const detail = [
    `judged in ${parts.length} parts`,
    ...parts.map(
      (r) =>
        `${r.start}–${r.end}: ${r.done}${r.expected === null ? '' : ` of ${r.expected}`} ${r.status}${r.detail ? ` (${r.detail})` : ''}`
    )
  ].join('; ');
  const untimed = parts.some((r) => r.untimed !== undefined)
    ? parts.reduce((s, r) => s + (r.untimed ?? 0), 0)
    : undefined;
  return {
    start: period.start,
    end: period.end,
    expected: expectations.length ? expectations.reduce((a, b) => a + b, 0) : null,
    done: parts.reduce(
      (s, r) => s + (r.expected === null ? r.done : Math.min(r.done, r.expected)),
      0
    ),
    status,
    detail,
    ...(untimed !== undefined ? { untimed } : {})
  };
}

/**
 * periods() remembered per span and kind (a pure function; an agreement's measures mostly share
 * one span, and working out 48 month ends through dates.ts costs more than the rest of a simple
 * measure's follow-up). Frozen, bounded.
 */
const periodCache = new Map<string, readonly DateRange[]>();
function periodsOf(span: DateRange, kind: FollowUpInput['period']): readonly DateRange[] {
  const key = `${span.start}|${span.end}|${kind}`;
  let hit = periodCache.get(key);
  if (!hit) {
    hit = Object.freeze(periods(span, kind).map((p) => Object.freeze({ ...p })));
    if (periodCache.size >= 1_000) periodCache.clear();
    periodCache.set(key, hit);
  }
  return hit;
}

/**
 * Follows up one measure over its whole timeline (`span`), split into periods of the given kind,
 * from day tallies aggregated by the database; today is passed in, never read from a clock.
 * Runs, quiet windows and the young-agreement allowance are evaluated on the whole timeline, so a
 * period's verdict never depends on which range a reader asked for: callers select periods from
 * this answer. With a plan (targets in time) each stretch is judged by the target governing it;
 * a period in which a revision took effect is owed pro rata by days (count targets) or judged in
 * parts and merged (other kinds: the worst part decides).
 */
export function followUp(input: FollowUpInput): PeriodResult[] {
  const all: JudgedPeriod[] = periodsOf(input.span, input.period).map((p) => ({
    ...p,
    phase: phaseOf(p, input.today)
  }));
  const given: readonly PlanPiece[] = input.plan?.length
    ? input.plan
    : [{ start: input.span.start, end: input.span.end, target: input.target }];
  // A version that changes nothing changes nothing: adjoining pieces with one target are one.
  const plan: PlanPiece[] = [];
  for (const piece of given) {
    const prev = plan[plan.length - 1];
    if (
      prev &&
      addDays(prev.end, 1) === piece.start &&
      JSON.stringify(prev.target) === JSON.stringify(piece.target) &&
      (piece.target.kind !== 'count' || piece.target.per !== 'period')
    )
      plan[plan.length - 1] = { ...prev, end: piece.end };
    else plan.push(piece);
  }
  const base: Omit<FollowUpContext, 'periods'> = {
    tallies: input.tallies,
    today: input.today,
    span: input.span,
    kind: input.period,
    riskOccasions: input.riskOccasions,
    quietAfterDays: input.quietAfterDays,
    calendar: input.schoolCalendar ?? { entries: [] }
  };
  // Consecutive count pieces of one shape add up unit by unit; anything else is judged piece by piece.
  const runs: PlanPiece[][] = [];
  for (const piece of plan) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && sameCountShape(prev.target, piece.target)) run.push(piece);
    else runs.push([piece]);
  }
  const parts = new Map<JudgedPeriod, PeriodResult[]>();
  for (const run of runs) {
    const range: DateRange = { start: run[0]!.start, end: run[run.length - 1]!.end };
    const clipped: { whole: JudgedPeriod; part: JudgedPeriod }[] = [];
    for (const whole of all) {
      const o = overlap(whole, range);
      if (o)
        clipped.push({
          whole,
          part: { start: o.start, end: o.end, phase: phaseOf(o, input.today) }
        });
    }
    const ctx: FollowUpContext = { ...base, periods: clipped.map((c) => c.part) };
    const results =
      run[0]!.target.kind === 'count'
        ? evaluateCount(run as CountPiece[], ctx)
        : evaluateOne(run[0]!.target, ctx, run[0]!);
    results.forEach((r, i) => {
      const whole = clipped[i]!.whole;
      const list = parts.get(whole);
      if (list) list.push(r);
      else parts.set(whole, [r]);
    });
  }
  return all.filter((p) => parts.has(p)).map((p) => merge(p, parts.get(p)!));
}

const KEPT: ReadonlySet<FollowUpStatus> = new Set(['met', 'on-track', 'active']);
const NOT_KEPT: ReadonlySet<FollowUpStatus> = new Set(['missed', 'behind', 'quiet']);

/**
 * Counts kept promises over closed and current periods (met, on-track, active versus missed,
 * behind, quiet); pass the results of many measures to get a focus area's or a party's share.
 * Periods not judged (yet), waiting for a date or upcoming count neither way.
 */
export function fulfilment(results: readonly PeriodResult[]): {
  met: number;
  judged: number;
  share: number | null;
} {
  let met = 0;
  let judged = 0;
  for (const r of results) {
    if (KEPT.has(r.status)) met++;
    else if (!NOT_KEPT.has(r.status)) continue;
    judged++;
  }
  return { met, judged, share: judged === 0 ? null : met / judged };
}
