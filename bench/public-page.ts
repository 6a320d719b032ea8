/**
 * The public page under load (issue 15 item 5). Builds a SQLite database with Norsjö and one more
 * municipality (Umeå, the national demo's generator), starts the built server on it
 * (LOFTEN_BUILD_DIR, default build/) in demo mode, and keeps 50 keep-alive clients busy for
 * BENCH_SECONDS (default 10) on each of:
 * - a static file of the page's size and the favicon, from the same server (the limit: ≥ 50 %);
 * - plain Node serving the page's bytes from memory (the ceiling);
 * - the cached page /kommuner/2417, plain and with `Accept-Encoding: br, gzip`;
 * - the page with a different unread query string on every request (`?x=<n>`);
 * - the page while this process, as a second app server on the same database, logs 8 activities
 *   a second in Umeå's agreement, and then in Norsjö's;
 * - 50 concurrent first requests right after a change (how many renders);
 * and the server's RSS before, after the load, and after 30 s idle.
 * Run with BENCH_CASES=public-page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Ctx } from '../src/lib/server/context';
import { SYSTEM } from '../src/lib/server/auth/policy';
import {
  listRevisions,
  loadRevisionContent
} from '../src/lib/server/db/repositories/agreements/plan.repository';
import { buildNationalDemo } from '../src/lib/server/seed/national/national.service';
import { logActivity } from '../src/lib/server/services/logging/activity.service';
import { openBenchDatabase } from './database';
import {
  CLIENTS,
  burst,
  get,
  load,
  plainNode,
  rssOf,
  waitFor,
  type Load
} from './public-page-load';
import { addRow } from './report';
import { fmtInt, fmtMb, fmtMs, log } from './stats';

const PAGE = '/kommuner/2417';

/** The public page's figures, each beside the static file and plain Node of the same run. */
export type PublicPageResult = {
  loadAverage: { start: number[]; end: number[] };
  rows: { name: string; load: Load }[];
  staticFile: Load;
  favicon: Load;
  plainNode: Load;
  stampede: Awaited<ReturnType<typeof burst>>;
  memory: { before: number; afterLoad: number; afterIdle: number };
  table: string;
};

function startServer(build: string, port: number, sqlitePath: string): ChildProcess {
  return spawn(process.execPath, [`${build}/index.js`], {
    env: {
      ...process.env,
      PORT: String(port),
      ORIGIN: `http://localhost:${port}`,
      SQLITE_PATH: sqlitePath,
      LOFTEN_DEMO: 'true',
      DATABASE_URL: ''
    },
    stdio: 'ignore'
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });

async function measureOf(ctx: Ctx, agreementId: string): Promise<string> {
  const revisions = await listRevisions(ctx.db, agreementId);
  const content = await loadRevisionContent(ctx.db, revisions.at(-1)!.id);
  return content.measures[0]!.id;
}

/** Logs 8 activities a second in one measure until stopped (a second app server's writes). */
function writer(ctx: Ctx, measureId: string, date: string) {
  let written = 0;
  let failed = 0;
  const timer = setInterval(() => {
    logActivity(ctx, SYSTEM, { measureId, date }).then(
      () => written++,
      () => failed++
    );
  }, 125);
  return {
    stop: () => {
      clearInterval(timer);
      return { written, failed };
    }
  };
}

/** Runs the public-page case and prints its figures. */
export async function benchPublicPage(): Promise<PublicPageResult | null> {
  const build = process.env.LOFTEN_BUILD_DIR ?? 'build';
  if (!existsSync(`${build}/index.js`)) {
    log(`\n=== public page ===\n  skipped: no ${build}/index.js (run npx vite build first)`);
    return null;
  }
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const port = 3900 + Math.floor(Math.random() * 90);
  const db = await openBenchDatabase('sqlite');
  const sqlitePath = db.target.kind === 'sqlite' ? db.target.path : '';
  const staticName = `bench-page-${port}.html`;
  const staticPath = `${build}/client/${staticName}`;
  let server: ChildProcess | null = null;
  try {
    const other = await buildNationalDemo(db.ctx, {
      activities: 2000,
      seed: 1,
      codes: ['2480'],
      surveyEvery: 0
    });
    const otherMeasure = await measureOf(db.ctx, other.agreementIds[0]!);
    const norsjoMeasure = await measureOf(db.ctx, db.norsjoId);
    const loadAtStart = loadavg();

    // The page's bytes, as a static file of the same server (its static files are listed at start).
    server = startServer(build, port, sqlitePath);
    await waitFor(port, '/api/v1/health');
    const bytes = (await get(port, PAGE)).body;
    await stop(server);
    writeFileSync(staticPath, bytes);
    server = startServer(build, port, sqlitePath);
    await waitFor(port, '/api/v1/health');

    log(
      `\n=== public page: ${CLIENTS} keep-alive clients, ${seconds} s each (page ${fmtInt(bytes.length)} bytes) ===`
    );
    await load(port, PAGE, 2); // warm-up: the first render fills the cache
    const before = rssOf(server.pid);
    const print = (what: string, r: Load) =>
      log(
        `  ${what.padEnd(52)} ${fmtInt(r.rps).padStart(7)} req/s, p50 ${fmtMs(r.p50)}, p99 ${fmtMs(r.p99)}, ${fmtInt(r.bytes)} B` +
          (r.failures ? `, ${r.failures} failures` : '') +
          `  (load ${loadavg()[0]!.toFixed(2)})`
      );
    const run = async (what: string, path: string, opts: Parameters<typeof load>[3] = {}) => {
      const r = await load(port, path, seconds, opts);
      print(what, r);
      return r;
    };
    const staticFile = await run('static file of the same size, same server', `/${staticName}`);
    const favicon = await run('/favicon.svg (static, same server)', '/favicon.svg');
    const plain = await plainNode(bytes, seconds);
    print('plain Node, the same bytes', plain);
    const rows: { name: string; load: Load }[] = [];
    const row = async (name: string, path: string, opts: Parameters<typeof load>[3] = {}) =>
      rows.push({ name, load: await run(name, path, opts) });
    await row(`cached page ${PAGE}`, PAGE);
    await row(`the same, Accept-Encoding: br, gzip`, PAGE, {
      headers: { 'accept-encoding': 'br, gzip' }
    });
    await row(`the same, a new unread ?x=<n> on every request`, PAGE, { vary: true });
    await row('widget JSON /api/v1/widget/2417', '/api/v1/widget/2417');
    const writing = async (name: string, measureId: string, date: string) => {
      const w = writer(db.ctx, measureId, date);
      const r = await run(name, PAGE);
      const done = w.stop();
      rows.push({ name: `${name} (${done.written} written, ${done.failed} failed)`, load: r });
    };
    await writing('page while 8 writes/s go to Umeå (another server)', otherMeasure, '2023-01-10');
    await writing(
      'page while 8 writes/s go to Norsjö (another server)',
      norsjoMeasure,
      '2022-06-01'
    );
    // After a change: concurrent first requests wait for one render. First the renders still
    // under way from the writes above end (the page is served from the cache again).
    for (let i = 0; i < 60; i++) {
      if ((await get(port, PAGE)).headers['x-cache'] === 'hit') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await logActivity(db.ctx, SYSTEM, { measureId: norsjoMeasure, date: '2022-06-02' });
    await new Promise((r) => setTimeout(r, 1500));
    const stampede = await burst(port, PAGE);
    log(
      `  ${CLIENTS} concurrent first requests after a change: ${stampede.renders ?? '?'} render(s) (${JSON.stringify(stampede.caches)}), p50 ${fmtMs(stampede.p50)}, slowest ${fmtMs(stampede.max)}`
    );
    const afterLoad = rssOf(server.pid);
    await new Promise((r) => setTimeout(r, 30_000));
    const afterIdle = rssOf(server.pid);
    log(
      `  server RSS: ${fmtMb(before)} after warm-up, ${fmtMb(afterLoad)} after the load, ${fmtMb(afterIdle)} after 30 s idle`
    );
    const loadAtEnd = loadavg();
    const against = 'static file of the same size, same server, same run';
    for (const r of rows)
      addRow({
        case: 'public-page',
        engine: 'sqlite',
        figure: `${r.name.replace(/ \(\d+ written, \d+ failed\)$/, '')} ÷ static file`,
        value: r.load.rps / staticFile.rps,
        unit: '×',
        limit: 0.5,
        limitKind: 'min',
        against,
        note: `${fmtInt(r.load.rps)} vs ${fmtInt(staticFile.rps)} req/s; p99 ${fmtMs(r.load.p99)}; ${((100 * r.load.rps) / plain.rps).toFixed(0)} % of plain Node`
      });
    addRow({
      case: 'public-page',
      engine: 'sqlite',
      figure: `renders for ${CLIENTS} concurrent first requests after a change`,
      value: stampede.renders ?? NaN,
      unit: 'renders',
      limit: 1,
      limitKind: 'max',
      note: `p50 ${fmtMs(stampede.p50)}, slowest ${fmtMs(stampede.max)}`
    });
    addRow({
      case: 'public-page',
      engine: 'sqlite',
      figure: 'server RSS after the load and 30 s idle',
      value: afterIdle / 1024 / 1024,
      unit: 'MB',
      limit: null,
      limitKind: 'max',
      note: `${fmtMb(before)} after warm-up, ${fmtMb(afterLoad)} right after the load`
    });
    const share = (r: Load, of: Load) => `${((100 * r.rps) / of.rps).toFixed(0)} %`;
    const mark = (r: Load) => (r.rps >= staticFile.rps / 2 ? '✓' : '✗');
    const line = (what: string, r: Load, note = '') =>
      `| ${what} | ${fmtInt(r.rps)} | ${fmtMs(r.p50)} | ${fmtMs(r.p99)} | ${fmtInt(r.bytes)} | ${r.failures} | ${note} |`;
    const table = [
      `| ${CLIENTS} clients, ${seconds} s each | requests/s | p50 | p99 | bytes | failures | ÷ static file of the same size (goal ≥ 50 %); ÷ plain Node |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
      ...rows.map((r) =>
        line(
          r.name,
          r.load,
          `${share(r.load, staticFile)} ${mark(r.load)}; ${share(r.load, plain)} (favicon: ${share(r.load, favicon)})`
        )
      ),
      line('static file of the same size, same server', staticFile, 'the limit'),
      line('/favicon.svg, same server', favicon),
      line('plain Node, the same bytes', plain, 'the ceiling'),
      '',
      `${CLIENTS} concurrent first requests after a change: ${stampede.renders ?? '?'} render(s), p50 ${fmtMs(stampede.p50)}, slowest ${fmtMs(stampede.max)}. ` +
        `Server RSS ${fmtMb(before)} after warm-up, ${fmtMb(afterLoad)} after the load, ${fmtMb(afterIdle)} after 30 s idle. ` +
        `Load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')} at the end.`
    ].join('\n');
    return {
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      rows,
      staticFile,
      favicon,
      plainNode: plain,
      stampede,
      memory: { before, afterLoad, afterIdle },
      table
    };
  } finally {
    if (server) await stop(server);
    rmSync(staticPath, { force: true });
    await db.close();
    await db.drop();
  }
}
