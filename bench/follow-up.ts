import type { PeriodKind } from '../src/lib/core/index';
import type { Ctx } from '../src/lib/server/context';
import {
  dailyTallies,
  hasDemoActivities
} from '../src/lib/server/db/repositories/logging/activity.repository';
import { agreementFollowUp } from '../src/lib/server/services/follow-up/follow-up.service';
import { stockholmDate } from '../src/lib/core/stockholm-date';
import { BENCH_SPAN } from './activities';
import { instrument } from './queries';
import { addRow } from './report';
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

/**
 * The one aggregate the follow-up needs, exactly as agreementFollowUp issues it: the day tallies
 * of the agreement over its whole period, as published by the real today.
 */
export function aggregateOf(ctx: Ctx, agreementId: string, span = BENCH_SPAN) {
  return dailyTallies(
    ctx.db,
    agreementId,
    span.start,
    span.end,
    undefined,
    stockholmDate(ctx.now())
  );
}

/** Times the SQL part alone: the day tallies of the agreement over the four years. */
export function timeTallies(ctx: Ctx, agreementId: string, runs: number): Promise<Timing> {
  return timeCase(
    ctx,
    runs,
    'SQL day tallies only',
    (c) => aggregateOf(c, agreementId),
    (r) => `${r.length} tally rows`
  );
}

/** Medians (wall and process CPU, ms) of the aggregate and of each period kind's follow-up. */
export type AgainstAggregate = {
  aggregate: { median: number; cpu: number; rows: number };
  followUp: Record<PeriodKind, { median: number; cpu: number } | undefined>;
};

/**
 * The follow-up beside the aggregate it needs, interleaved: each round times the aggregate and
 * then the follow-up of each period kind, so a change in the machine's load during the run
 * weighs on both sides of the ratio alike. One warm-up round, then `runs` rounds. CPU is this
 * process's (with SQLite it includes the query; with PostgreSQL the server's work is not in it).
 */
export async function timeAgainstAggregate(
  ctx: Ctx,
  agreementId: string,
  runs: number,
  span = BENCH_SPAN,
  asOf: string | undefined = AS_OF
): Promise<AgainstAggregate> {
  const cases: [string, () => Promise<unknown>][] = [
    ['aggregate', () => aggregateOf(ctx, agreementId, span)],
    ...PERIODS.map(
      (period) =>
        [period, () => agreementFollowUp(ctx, agreementId, { period, asOf })] as [
          string,
          () => Promise<unknown>
        ]
    )
  ];
  const wall = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  let rows = 0;
  for (let round = 0; round <= runs; round++)
    for (const [name, fn] of cases) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await fn();
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (name === 'aggregate') rows = (r as unknown[]).length;
      if (round === 0) continue; // warm-up
      wall.set(name, [...(wall.get(name) ?? []), ms]);
      cpu.set(name, [...(cpu.get(name) ?? []), (c.user + c.system) / 1000]);
    }
  const of = (name: string) => ({
    median: quantile(wall.get(name) ?? [], 0.5),
    cpu: quantile(cpu.get(name) ?? [], 0.5)
  });
  return {
    aggregate: { ...of('aggregate'), rows },
    followUp: { month: of('month'), tertial: of('tertial'), year: of('year'), agreement: undefined }
  };
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

/** Issue 15 item 2: the follow-up within 2× the aggregate it needs, per period kind. */
export const FOLLOW_UP_LIMIT = 2;

/** Adds the aggregate and each follow-up ÷ aggregate to the report (bench/report.ts). */
export function reportAgainstAggregate(
  engine: 'sqlite' | 'postgresql',
  activities: number,
  r: AgainstAggregate,
  who = 'Norsjö'
) {
  addRow({
    case: 'follow-up',
    figure: `day-tallies aggregate of one agreement (${who})`,
    engine,
    activities,
    value: r.aggregate.median,
    unit: 'ms',
    limit: null,
    limitKind: 'max',
    note: `${r.aggregate.rows} rows; cpu ${r.aggregate.cpu.toFixed(2)} ms`
  });
  for (const period of PERIODS) {
    const f = r.followUp[period];
    if (!f) continue;
    addRow({
      case: 'follow-up',
      figure: `follow-up ${period} ÷ its aggregate (${who})`,
      engine,
      activities,
      value: f.median / r.aggregate.median,
      unit: '×',
      limit: FOLLOW_UP_LIMIT,
      limitKind: 'max',
      against: 'the aggregate, same run',
      note: `${f.median.toFixed(2)} ms vs ${r.aggregate.median.toFixed(2)} ms; cpu ${f.cpu.toFixed(2)} vs ${r.aggregate.cpu.toFixed(2)} ms`
    });
  }
}
