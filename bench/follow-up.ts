import type { PeriodKind } from '../src/lib/core/index';
import type { Ctx } from '../src/lib/server/context';
import {
  dailyTallies,
  hasDemoActivities
} from '../src/lib/server/db/repositories/logging/activity.repository';
import { agreementFollowUp } from '../src/lib/server/services/follow-up/follow-up.service';
import { BENCH_SPAN } from './activities';
import { instrument } from './queries';
import { quantile, timeRuns } from './stats';

export const AS_OF = '2022-12-31';
export const PERIODS: PeriodKind[] = ['month', 'tertial', 'year'];

/** One timed case: median and p95 over the runs, and what came back. */
export type Timing = {
  label: string;
  median: number;
  p95: number;
  maxRss: number;
  /** Median time spent waiting for the database per call, and queries per call. */
  dbMs: number;
  queries: number;
  /** What one call returned, in words (measures and periods, or rows). */
  returned: string;
};

/** Times one case: a warm-up, then `runs` calls, counting the queries and database time of each. */
export async function timeCase<T>(
  ctx: Ctx,
  runs: number,
  label: string,
  fn: (ctx: Ctx) => Promise<T> | T,
  describe: (result: T) => string
): Promise<Timing> {
  const inst = instrument(ctx);
  const perRun: { queries: number; dbMs: number }[] = [];
  const t = await timeRuns(runs, async () => {
    inst.reset();
    const r = await fn(inst.ctx);
    perRun.push(inst.reset());
    return r;
  });
  const measured = perRun.slice(1); // the first is the warm-up
  return {
    label,
    median: t.median,
    p95: t.p95,
    maxRss: t.maxRss,
    dbMs: quantile(
      measured.map((r) => r.dbMs),
      0.5
    ),
    queries: measured[0]?.queries ?? 0,
    returned: describe(t.result)
  };
}

/** Times agreementFollowUp for each period kind: one warm-up, then `runs` calls. */
export async function timeFollowUps(ctx: Ctx, agreementId: string, runs: number) {
  const out: Timing[] = [];
  for (const period of PERIODS)
    out.push(
      await timeCase(
        ctx,
        runs,
        `follow-up ${period}`,
        (c) => agreementFollowUp(c, agreementId, { period, asOf: AS_OF }),
        (r) =>
          `${r.measures.length} measures, ${r.measures.reduce((n, m) => n + m.periods.length, 0)} measure-periods`
      )
    );
  return out;
}

/** Times the SQL part alone: the day tallies of the agreement over the four years. */
export function timeTallies(ctx: Ctx, agreementId: string, runs: number): Promise<Timing> {
  return timeCase(
    ctx,
    runs,
    'SQL day tallies only',
    (c) => dailyTallies(c.db, agreementId, BENCH_SPAN.start, BENCH_SPAN.end),
    (r) => `${r.length} tally rows`
  );
}

/** Times the demo check the follow-up makes (any demo activity of the agreement?). */
export function timeDemoCheck(ctx: Ctx, agreementId: string, runs: number): Promise<Timing> {
  return timeCase(
    ctx,
    runs,
    'SQL demo check only',
    (c) => hasDemoActivities(c.db, agreementId),
    (r) => `answer ${String(r)}`
  );
}
