/**
 * The dashboard case of `npm run bench`: the server time of one agreement's follow-up dashboard
 * (/avtal/[id]/oversikt) with a million activities in the database: the service (three follow-up
 * computations and the agreement) and the three server-rendered SVG charts.
 */
import type { Ctx } from '../src/lib/server/context';
import { dashboardCharts } from '../src/lib/server/render/follow-up/dashboard-charts';
import {
  agreementDashboard,
  type Dashboard
} from '../src/lib/server/services/follow-up/dashboard.service';
import { createOtherAgreements } from './agreements';
import { openBenchDatabase } from './database';
import type { EngineResult } from './engine';
import { countActivities } from './explain';
import { timeCase, type Timing } from './follow-up';
import { loadInChildProcess } from './load';
import type { BenchOptions } from './options';
import { fmtInt, fmtMb, fmtMs, fmtS, log, timed } from './stats';

const size = (svg: string) => `${(svg.length / 1024).toFixed(0)} kB`;

/** Times the dashboard of an agreement as a visitor sees it: service + SVG, then each alone. */
export async function timeDashboard(
  ctx: Ctx,
  agreementId: string,
  runs: number
): Promise<Timing[]> {
  const page = await timeCase(
    ctx,
    runs,
    'dashboard page (service + SVG)',
    async (c) => {
      const d = await agreementDashboard(c, null, agreementId);
      return { d, charts: dashboardCharts(d) };
    },
    ({ d, charts }) =>
      `${d.measures.length} measures × ${d.months.length} months; SVG heat map ${size(charts.heatMap)}, bars ${size(charts.byFocusArea)} + ${size(charts.byResponsibleParty)}`
  );
  const service = await timeCase(
    ctx,
    runs,
    'dashboard service only',
    (c) => agreementDashboard(c, null, agreementId),
    (d) => `reference day ${d.reference}, months ${d.months[0]}–${d.months.at(-1)}`
  );
  const d: Dashboard = await agreementDashboard(ctx, null, agreementId);
  const charts = await timeCase(
    ctx,
    runs,
    'dashboard SVG charts only',
    () => dashboardCharts(d),
    (c) => `${Object.keys(c).length} charts`
  );
  return [page, service, charts];
}

/**
 * A fresh database of one engine, loaded like the follow-up bench's, and the dashboard timed on
 * it. (Its own load, because the follow-up bench drops its database when it is done.)
 */
export async function benchDashboard(
  kind: 'sqlite' | 'postgresql',
  opts: BenchOptions
): Promise<EngineResult> {
  const started = performance.now();
  log(`\n=== ${kind}: dashboard ===`);
  const db = await openBenchDatabase(kind, opts.pgUrl);
  try {
    const { ctx, norsjoId } = db;
    const others = await createOtherAgreements(ctx, opts.agreements);
    const load = await loadInChildProcess({
      target: db.target,
      total: opts.activities,
      norsjoId,
      agreementIds: others
    });
    const check = await countActivities(ctx, norsjoId);
    log(
      `  loaded ${fmtInt(load.counts.total)} activities in ${fmtS(load.insertMs)}; ${fmtInt(check.all)} in the database, Norsjö ${fmtInt(check.agreement)}`
    );
    const timings = await timed(() => timeDashboard(ctx, norsjoId, opts.runs));
    for (const t of timings.value) {
      log(
        `  ${t.label.padEnd(34)} median ${fmtMs(t.median).padStart(9)}, p95 ${fmtMs(t.p95).padStart(9)}; ` +
          `${t.queries} queries, ${fmtMs(t.dbMs)} in the database (median)`
      );
      log(`  ${''.padEnd(34)} ${t.returned}; max rss ${fmtMb(t.maxRss)}`);
    }
    log(`  ${kind} dashboard total: ${fmtS(performance.now() - started)}`);
    return { engine: kind, activities: check.all, timings: timings.value, candidate: [] };
  } finally {
    await db.close();
    await db.drop();
  }
}
