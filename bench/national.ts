/**
 * The national case (issue 15): per engine and size, a fresh database with `loften demo
 * national`'s dataset, then each figure beside its limit measured in the same run:
 * - the roll-ups (nation, the largest region, one local area) against the 2 s budget and against
 *   the one GROUP BY a roll-up would need from the activities (a year per agreement and measure);
 * - the follow-up of the largest agreement (month, tertial, year) against its own day-tallies
 *   aggregate (the ≤ 2× goal of issue 15 item 2);
 * - the roll-up right after one activity is logged (only that agreement is computed again), and
 *   the full daily computation (the nightly job's work).
 */
import { statSync } from 'node:fs';
import type { Ctx } from '../src/lib/server/context';
import { SYSTEM } from '../src/lib/server/auth/policy';
import { dailyTallies } from '../src/lib/server/db/repositories/logging/activity.repository';
import {
  rollupAgreementRows,
  yearCountsPerMeasure
} from '../src/lib/server/db/repositories/follow-up/national-rollup.repository';
import {
  loadRevisionContent,
  listRevisions
} from '../src/lib/server/db/repositories/agreements/plan.repository';
import { buildNationalDemo } from '../src/lib/server/seed/national/national.service';
import { logActivity } from '../src/lib/server/services/logging/activity.service';
import { agreementFollowUp } from '../src/lib/server/services/follow-up/follow-up.service';
import {
  nationalOverview,
  refreshRollups
} from '../src/lib/server/services/follow-up/national-rollup.service';
import { regionId } from '../src/lib/server/services/accounts/organisation.service';
import { openBenchDatabase } from './database';
import { fmtInt, fmtMb, fmtMs, fmtS, log, timeRuns } from './stats';

/** A figure beside its limit (both in ms unless `unit` says otherwise). */
export type Figure = {
  name: string;
  value: number;
  unit: 'ms' | 'rows/s' | 'MB';
  /** The limit it is judged against, measured in the same run (or a fixed budget). */
  limit?: { name: string; value: number; max: number };
};

/** One engine and size. */
export type NationalResult = {
  engine: 'sqlite' | 'postgresql';
  activities: number;
  agreements: number;
  loadAverage: number[];
  figures: Figure[];
};

// The dataset's clock: mid-September of its last year, so every roll-up has judged periods.
const NOW = new Date('2026-09-15T10:00:00Z');
const YEAR = 2026;

const median = async (runs: number, fn: () => Promise<unknown>) =>
  (await timeRuns(runs, fn)).median;

/** Builds the national dataset of `activities` on one engine and times every figure. */
export async function benchNational(
  kind: 'sqlite' | 'postgresql',
  activities: number,
  opts: { pgUrl?: string; runs: number; loadAverage: () => number[] }
): Promise<NationalResult> {
  log(`\n=== national, ${kind}, ${fmtInt(activities)} activities ===`);
  const db = await openBenchDatabase(kind, opts.pgUrl);
  const ctx: Ctx = { ...db.ctx, now: () => NOW };
  const figures: Figure[] = [];
  const add = (f: Figure) => {
    figures.push(f);
    const limit = f.limit
      ? `; ${f.limit.name} ${fmtMs(f.limit.value)} → ${(f.value / f.limit.value).toFixed(2)}× (goal ≤ ${f.limit.max}×)`
      : '';
    const v = f.unit === 'ms' ? fmtMs(f.value) : `${fmtInt(f.value)} ${f.unit}`;
    log(`  ${f.name.padEnd(44)} ${v}${limit}`);
  };
  try {
    const built = await buildNationalDemo(ctx, { activities, seed: 1, surveyEvery: 10 });
    log(
      `  built: ${built.agreementIds.length} agreements, ${fmtInt(built.activities)} activities in ${fmtS(built.ms.activities)}, ${built.surveys} surveys`
    );
    add({
      name: 'load activities',
      value: built.activities / Math.max(built.ms.activities / 1000, 0.001),
      unit: 'rows/s'
    });
    if (db.target.kind === 'sqlite')
      add({ name: 'database file', value: statSync(db.target.path).size / 2 ** 20, unit: 'MB' });

    const full = await refreshRollups(ctx, { year: YEAR });
    add({
      name: `daily roll-up computation (${full.agreements} agreements)`,
      value: full.ms,
      unit: 'ms'
    });

    const runs = opts.runs;
    const aggregate = await median(Math.min(runs, 5), () => yearCountsPerMeasure(ctx.db, YEAR));
    const budget = { name: 'budget 2 s', value: 2000, max: 1 };
    const vsAggregate = { name: 'one GROUP BY of the year', value: aggregate, max: 1 };
    add({ name: 'one GROUP BY of the year (agreement, measure)', value: aggregate, unit: 'ms' });
    const nation = await median(runs, () =>
      nationalOverview(ctx, { kind: 'nation' }, { year: YEAR })
    );
    add({ name: 'roll-up: the nation', value: nation, unit: 'ms', limit: budget });
    add({
      name: 'roll-up: the nation vs the aggregate',
      value: nation,
      unit: 'ms',
      limit: vsAggregate
    });
    const region = regionId('Stockholm');
    add({
      name: 'roll-up: Polisregion Stockholm',
      value: await median(runs, () =>
        nationalOverview(ctx, { kind: 'area', id: region }, { year: YEAR })
      ),
      unit: 'ms',
      limit: budget
    });
    add({
      name: 'roll-up: one local area (Västerbotten)',
      value: await median(runs, () =>
        nationalOverview(ctx, { kind: 'area', id: 'demo-lpo-24' }, { year: YEAR })
      ),
      unit: 'ms',
      limit: budget
    });

    // After one write: the audit trail names one agreement, only it is computed again.
    const biggest = await biggestAgreement(ctx);
    const measure = await someMeasure(ctx, biggest);
    const afterWrite = await median(Math.min(runs, 5), async () => {
      await logActivity(ctx, SYSTEM, { measureId: measure, date: '2026-09-01' });
      return nationalOverview(ctx, { kind: 'nation' }, { year: YEAR });
    });
    add({
      name: 'log one activity + roll-up of the nation',
      value: afterWrite,
      unit: 'ms',
      limit: budget
    });

    // The follow-up of the largest agreement against the one aggregate it needs.
    const a = (await rollupAgreementRows(ctx.db, YEAR)).find((r) => r.id === biggest)!;
    const today = '2026-09-15';
    const tallies = await median(runs, () =>
      dailyTallies(ctx.db, biggest, a.period_start, a.period_end, undefined, today)
    );
    add({ name: 'day tallies of the largest agreement', value: tallies, unit: 'ms' });
    for (const period of ['month', 'tertial', 'year'] as const) {
      const t = await median(runs, () => agreementFollowUp(ctx, biggest, { period }));
      add({
        name: `follow-up of the largest agreement, ${period}`,
        value: t,
        unit: 'ms',
        limit: { name: 'its day tallies', value: tallies, max: 2 }
      });
    }
    return {
      engine: kind,
      activities: built.activities,
      agreements: built.agreementIds.length,
      loadAverage: opts.loadAverage(),
      figures
    };
  } finally {
    await db.close();
    await db.drop();
  }
}

async function biggestAgreement(ctx: Ctx): Promise<string> {
  const rows = await rollupAgreementRows(ctx.db, YEAR);
  return [...rows].sort((x, y) => y.judged - x.judged || x.id.localeCompare(y.id))[0]!.id;
}

async function someMeasure(ctx: Ctx, agreementId: string): Promise<string> {
  const revisions = await listRevisions(ctx.db, agreementId);
  const content = await loadRevisionContent(ctx.db, revisions.at(-1)!.id);
  return (
    content.measures.find((m) => m.measure_key === 'trafikkontroller') ?? content.measures[0]!
  ).id;
}

/** The readable table: one row per figure, a column per engine and size, each beside its limit. */
export function nationalTable(results: NationalResult[]): string {
  if (!results.length) return '';
  const cols = results.map((r) => `${r.engine}, ${fmtInt(r.activities)}`);
  const names = [...new Set(results.flatMap((r) => r.figures.map((f) => f.name)))];
  const cell = (f: Figure | undefined) => {
    if (!f) return '–';
    const v =
      f.unit === 'ms'
        ? fmtMs(f.value)
        : f.unit === 'MB'
          ? fmtMb(f.value * 2 ** 20)
          : `${fmtInt(f.value)} ${f.unit}`;
    if (!f.limit) return v;
    const ratio = f.value / f.limit.value;
    return `${v} (${ratio.toFixed(2)}× ${f.limit.name}${ratio <= f.limit.max ? ' ✓' : ' ✗'})`;
  };
  const lines = [
    `| figure | ${cols.join(' | ')} |`,
    `| --- | ${cols.map(() => '---').join(' | ')} |`,
    ...names.map(
      (n) =>
        `| ${n} | ${results.map((r) => cell(r.figures.find((f) => f.name === n))).join(' | ')} |`
    ),
    `| load average (1 min) at the end | ${results.map((r) => r.loadAverage[0]?.toFixed(2) ?? '–').join(' | ')} |`
  ];
  // Growth from the smallest to the largest size per engine.
  for (const engine of ['sqlite', 'postgresql'] as const) {
    const mine = results
      .filter((r) => r.engine === engine)
      .sort((x, y) => x.activities - y.activities);
    if (mine.length < 2) continue;
    const [small, big] = [mine[0]!, mine.at(-1)!];
    const growth = names
      .map((n) => {
        const s = small.figures.find((f) => f.name === n);
        const b = big.figures.find((f) => f.name === n);
        return s && b && s.unit === 'ms' ? `${n} ${(b.value / s.value).toFixed(2)}×` : null;
      })
      .filter(Boolean);
    lines.push(
      '',
      `Growth on ${engine} from ${fmtInt(small.activities)} to ${fmtInt(big.activities)} activities: ${growth.join('; ')}.`
    );
  }
  return lines.join('\n');
}
