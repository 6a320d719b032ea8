/**
 * Writes that keep up (issue 15, item 4): the production build on a fresh SQLite file and on a
 * fresh PostgreSQL schema, then, with autocannon,
 * - 50 connections logging activities through POST /api/v1/activities with reporters' API tokens
 *   (a fresh idempotency key per request, as an offline queue sends them);
 * - 200 connections answering a survey as a browser without JavaScript posts the form: the fields
 *   the rendered form holds, a fresh form token per answer (what a fresh GET of the form gives) and
 *   a class code per connection (a class answering together from one school network);
 * - the same server's health check (one SQL round trip through the same HTTP stack) as the
 *   reference measured in the same run.
 * Afterwards every acknowledged write must be in the database and `loften audit verify` must pass.
 *
 * Run alone: `tsx bench/writes.ts [--engines sqlite,postgresql]` (BENCH_SECONDS, default 10;
 * LOFTEN_BUILD_DIR, default build/; PostgreSQL from TEST_DATABASE_URL or DATABASE_URL), or as the
 * `writes` case of `npm run bench`. Figures in docs/BENCHMARKS.md, section "Writes".
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { activityBody, fillSurveyForm } from '../scripts/reliability/clients';
import { makeReporters, openSurveyForLoad } from '../scripts/reliability/fixtures';
import { freshDatabase, startServer, type Dialect } from '../scripts/reliability/harness';
import { auditVerify, checkAnswers } from '../scripts/reliability/verify';
import { SYSTEM } from '../src/lib/server/auth/policy';
import type { Ctx } from '../src/lib/server/context';
import { auditedChange, recordAudit } from '../src/lib/server/services/shared/audit.service';
import { rssOf } from './public-page-load';
import { fmtInt, fmtMb, log } from './stats';
import {
  ANSWER_CONNECTIONS,
  line,
  writesTable,
  report,
  REPORTER_CONNECTIONS,
  type WriteLoad,
  type WritesResult
} from './writes-report';

export { type WriteLoad, type WritesResult } from './writes-report';

const REPORTERS = 10;

type WriteRequest = {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
};

/** How long the server idles after the loads before its memory is read (BENCH_IDLE_SECONDS). */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);

/**
 * The server's RSS once it has idled: read every 5 s, and as soon as it is back within 10 % of
 * the warm-up's the wait ends; at most IDLE_SECONDS.
 */
async function idleMemory(pid: number, warm: number): Promise<{ rss: number; seconds: number }> {
  let rss = rssOf(pid);
  let seconds = 0;
  while (seconds < IDLE_SECONDS && rss > warm * 1.1) {
    await new Promise((r) => setTimeout(r, 5_000));
    seconds += 5;
    rss = rssOf(pid);
  }
  return { rss, seconds };
}

async function load(
  url: string,
  what: string,
  connections: number,
  seconds: number,
  next: (conn: { id?: number }) => WriteRequest,
  acknowledged: readonly number[]
): Promise<WriteLoad> {
  const la = loadavg()[0]!;
  let ids = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req, context) => {
          const conn = context as { id?: number };
          conn.id ??= ids++;
          return { ...req, ...next(conn) };
        }
      }
    ]
  });
  const byStatus = Object.entries(result.statusCodeStats ?? {}).map(
    ([code, s]) => [Number(code), s?.count ?? 0] as const
  );
  const ok = byStatus.filter(([c]) => acknowledged.includes(c)).reduce((n, [, k]) => n + k, 0);
  const bad = byStatus.filter(([c]) => !acknowledged.includes(c)).reduce((n, [, k]) => n + k, 0);
  return {
    what,
    connections,
    seconds,
    perSecond: ok / seconds,
    acknowledged: ok,
    errors: bad + result.errors + result.timeouts,
    statuses: Object.fromEntries(byStatus.filter(([c]) => !acknowledged.includes(c))),
    p50: result.latency.p50,
    p99: result.latency.p99,
    loadAverage: la
  };
}

/** Audit entries per second with `writers` concurrent writers for `seconds`. */
async function entriesPerSecond(
  writers: number,
  seconds: number,
  write: (i: number) => Promise<unknown>
): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < until) await write(done++);
    })
  );
  return done / ((performance.now() - started) / 1000);
}

/** The audit chain alone: chained directly beside written to wait and sealed in batches. */
async function chainedInserts(ctx: Ctx, seconds: number): Promise<WritesResult['chained']> {
  const loadAverage = loadavg()[0]!;
  const entry = (i: number) => ({
    action: 'bench.write',
    entity: 'bench',
    entityId: `b${i}`,
    after: { i }
  });
  const direct = await entriesPerSecond(REPORTER_CONNECTIONS, seconds, (i) =>
    ctx.db
      .transaction()
      .execute((trx) =>
        recordAudit(
          trx,
          new Date(),
          { ...entry(i), actorId: null, organisationId: null },
          ctx.config.audit.key
        )
      )
  );
  const batched = await entriesPerSecond(REPORTER_CONNECTIONS, seconds, (i) =>
    auditedChange(ctx, SYSTEM, entry(i), async () => undefined)
  );
  return { direct, batched, loadAverage };
}

/** Runs the three loads against one engine and checks the database afterwards. */
export async function benchWritesOn(
  engine: Dialect,
  options: { build: string; seconds: number }
): Promise<WritesResult> {
  const db = await freshDatabase(engine);
  // The set-up below writes audit entries from this process, some with the process's key: the
  // server, this process and `loften audit verify` must share one key.
  process.env.AUDIT_HMAC_KEY ??= randomBytes(32).toString('hex');
  db.env.AUDIT_HMAC_KEY = process.env.AUDIT_HMAC_KEY;
  const server = await startServer(db, { build: options.build });
  const ctx = db.open();
  try {
    const { reporters, measures } = await makeReporters(ctx, REPORTERS);
    const { surveyId, classCodes } = await openSurveyForLoad(ctx, ANSWER_CONNECTIONS);
    const run = randomBytes(4).toString('hex');
    let sent = 0;
    const activity = (conn: { id?: number }): WriteRequest => ({
      method: 'POST',
      path: '/api/v1/activities',
      headers: {
        authorization: `Bearer ${reporters[(conn.id ?? 0) % reporters.length]!.token}`,
        'content-type': 'application/json',
        accept: 'application/json'
      },
      body: JSON.stringify(activityBody(measures, `wr-${run}-${++sent}`))
    });
    const ackActivity = [200, 201];
    const warm = await load(server.url, 'warm-up', REPORTER_CONNECTIONS, 1, activity, ackActivity);
    const afterWarm = rssOf(server.pid);
    const reference = await load(
      server.url,
      'reference: GET /api/v1/health (one SQL round trip)',
      REPORTER_CONNECTIONS,
      Math.max(2, Math.round(options.seconds / 2)),
      () => ({ method: 'GET', path: '/api/v1/health', headers: {} }),
      [200]
    );
    log(line(reference));
    const activities = await load(
      server.url,
      'activity POST /api/v1/activities (token)',
      REPORTER_CONNECTIONS,
      options.seconds,
      activity,
      ackActivity
    );
    log(line(activities));
    const afterActivities = rssOf(server.pid);

    const page = await fetch(`${server.url}/enkat/${surveyId}?klasskod=${classCodes[0]}`);
    const form = fillSurveyForm(await page.text(), () => 0);
    const answer = (conn: { id?: number }): WriteRequest => {
      const body = new URLSearchParams(form);
      body.set('formularnyckel', randomBytes(18).toString('base64url'));
      body.set('klasskod', classCodes[(conn.id ?? 0) % classCodes.length]!);
      return {
        method: 'POST',
        path: `/enkat/${surveyId}`,
        headers: {
          origin: server.url,
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded'
        },
        body: body.toString()
      };
    };
    const answers = await load(
      server.url,
      'survey answer POST /enkat/[id] (form)',
      ANSWER_CONNECTIONS,
      options.seconds,
      answer,
      [303]
    );
    log(line(answers));
    const afterAnswers = rssOf(server.pid);
    const again = await load(
      server.url,
      'activity POST /api/v1/activities (token), again',
      REPORTER_CONNECTIONS,
      options.seconds,
      activity,
      ackActivity
    );
    log(line(again));
    const afterAgain = rssOf(server.pid);
    // Then the server idles: V8 gives its grown heap back once it sees no allocation for a while
    // (its memory reducer, after about 30–40 s here), so the figure is taken after IDLE_SECONDS.
    const idle = await idleMemory(server.pid, afterWarm);
    const memory = {
      warm: afterWarm,
      activities: afterActivities,
      answers: afterAnswers,
      again: afterAgain,
      idle: idle.rss,
      idleSeconds: idle.seconds
    };
    log(
      `  server RSS: ${fmtMb(memory.warm)} after the warm-up, ${fmtMb(memory.activities)} after the activities, ${fmtMb(memory.answers)} after the answers, ${fmtMb(memory.again)} after the activities again, ${fmtMb(memory.idle)} after ${memory.idleSeconds} s idle`
    );
    await server.stop();

    const created = await ctx.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'created_by',
        'in',
        reporters.map((r) => r.userId)
      )
      .executeTakeFirstOrThrow();
    // Every acknowledged activity (warm-up included) must be a row. Rows beyond them are requests
    // still in flight when a load stopped (at most one per connection): stored, never answered.
    const acknowledgedActivities = warm.acknowledged + activities.acknowledged + again.acknowledged;
    const answerCheck = await checkAnswers(ctx, surveyId, answers.acknowledged);
    const chained = await chainedInserts(ctx, Math.max(2, Math.round(options.seconds / 2)));
    log(
      `  audit entries alone, ${REPORTER_CONNECTIONS} writers in-process: chained directly ${fmtInt(chained.direct)}/s, written to wait and sealed in batches ${fmtInt(chained.batched)}/s (load average ${chained.loadAverage.toFixed(2)})`
    );
    const audit = await auditVerify(db, { build: options.build });
    return {
      engine,
      activities,
      answers,
      again,
      reference,
      lost: {
        activities: Math.max(0, acknowledgedActivities - Number(created.n)),
        answers: answerCheck.lost
      },
      audit,
      chained,
      memory
    };
  } finally {
    await server.stop();
    await db.drop();
  }
}

/** The writes case for bench/run.ts: every engine it can reach, or a line saying why not. */
export async function benchWrites(
  engines: readonly Dialect[] = ['sqlite', 'postgresql']
): Promise<WritesResult[]> {
  const build = resolve(process.env.LOFTEN_BUILD_DIR ?? 'build');
  if (!existsSync(`${build}/index.js`)) {
    log(`\n=== writes ===\n  skipped: no ${build}/index.js (run npx vite build first)`);
    return [];
  }
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const out: WritesResult[] = [];
  for (const engine of engines) {
    if (engine === 'postgresql' && !process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL) {
      log('\n=== writes, postgresql ===\n  skipped: set TEST_DATABASE_URL');
      continue;
    }
    log(`\n=== writes, ${engine} ===`);
    const r = await benchWritesOn(engine, { build, seconds });
    log(
      `  activities lost: ${r.lost.activities}, answers lost: ${r.lost.answers}; loften audit verify: ${r.audit.ok ? 'passes' : `FAILS\n${r.audit.output}`}`
    );
    out.push(r);
    report(r);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--engines');
  const engines = (i >= 0 ? (process.argv[i + 1] ?? '') : 'sqlite,postgresql')
    .split(',')
    .filter((e): e is Dialect => e === 'sqlite' || e === 'postgresql');
  benchWrites(engines)
    .then((r) => {
      log(`\n${writesTable(r)}`);
      if (r.some((x) => !x.audit.ok || x.lost.activities || x.lost.answers)) process.exitCode = 1;
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
