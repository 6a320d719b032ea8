/**
 * The load run: a fresh database, one or two servers on it, survey answerers and reporters for a
 * fixed time spread over the servers, then the checks: every acknowledged answer and activity
 * stored (exactly once), and `loften audit verify` passing. Used by `npm run load` and, small,
 * by test/integration/reliability-load.test.ts.
 */
import {
  loadAverage,
  freshDatabase,
  startServer,
  type Dialect,
  type Server,
  type ServerKind
} from './harness';
import { makeReporters, openSurveyForLoad } from './fixtures';
import { newLedger, quantile, recorder, runAnswerer, runReporter, runStaticProbe } from './clients';
import { auditVerify, auditVerifyHere, checkActivities, checkAnswers } from './verify';
import type { ActivityCheck, AnswerCheck } from './verify';

export type LoadOptions = {
  answerers: number;
  reporters: number;
  seconds: number;
  servers: 1 | 2;
  database: Dialect;
  server: ServerKind;
  /** How to check the audit trail: `loften audit verify` (default) or its service in this process. */
  audit?: 'command' | 'here';
  /** Keep the database afterwards (prints where it is). */
  keep?: boolean;
};

/** One kind of request's figures. */
export type KindSummary = {
  kind: string;
  requests: number;
  ok: number;
  errors: Record<string, number>;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
};

export type LoadReport = {
  options: Omit<LoadOptions, 'server'> & { server: string };
  loadBefore: string;
  loadAfter: string;
  kinds: KindSummary[];
  /** Unexpected answers and failed requests over all kinds (must be 0). */
  errors: number;
  /** One example of each kind of error. */
  samples: Record<string, string>;
  answers: AnswerCheck;
  activities: ActivityCheck;
  audit: { ok: boolean; output: string };
  /** Lost acknowledged writes (must be 0). */
  lost: number;
  ok: boolean;
};

export async function runLoad(
  opts: LoadOptions,
  log: (line: string) => void = () => {}
): Promise<LoadReport> {
  if (opts.servers === 2 && opts.database !== 'postgresql')
    throw new Error('--servers 2 needs --database postgresql (SQLite is one process’s file)');
  const db = await freshDatabase(opts.database);
  log(`database: ${opts.database}, ${db.where}`);
  const servers: Server[] = [];
  try {
    // The first server migrates and seeds the demo; the second starts on the seeded database.
    for (let i = 0; i < opts.servers; i++) {
      const t = performance.now();
      servers.push(await startServer(db, opts.server));
      log(
        `server ${i + 1} (pid ${servers[i]!.pid}) at ${servers[i]!.url}: up in ${((performance.now() - t) / 1000).toFixed(1)} s`
      );
    }
    const ctx = db.open();
    const { surveyId, classCodes } = await openSurveyForLoad(ctx, opts.answerers);
    const { reporters, measures } = await makeReporters(ctx, opts.reporters);
    log(
      `set up: survey ${surveyId} open with ${classCodes.length} class codes; ${reporters.length} reporters with tokens, ${measures.length} police measures`
    );
    // Warm-up (not counted): each server renders the form once.
    // (Under vite dev this also compiles the routes before the clock starts.)
    for (const s of servers)
      for (const path of [`/enkat/${surveyId}`, `/enkat/${surveyId}/tack`, '/api/v1/activities'])
        await fetch(s.url + path).then((r) => r.text());

    const rec = recorder();
    const answered = { count: 0 };
    const ledger = newLedger();
    const loadBefore = await loadAverage();
    log(
      `running ${opts.answerers} answerers and ${opts.reporters} reporters for ${opts.seconds} s (load average ${loadBefore})`
    );
    const started = Date.now();
    const until = started + opts.seconds * 1000;
    const on = (i: number) => servers[i % servers.length]!.url;
    await Promise.all([
      ...classCodes.map((code, i) => runAnswerer(rec, on(i), surveyId, code, until, answered)),
      ...reporters.map((r, i) => runReporter(rec, on(i), r.token, measures, until, ledger)),
      ...servers.map((s) => runStaticProbe(rec, s.url, until))
    ]);
    const elapsed = (Date.now() - started) / 1000;
    const loadAfter = await loadAverage();

    const kinds: KindSummary[] = [...rec.kinds].map(([kind, k]) => ({
      kind,
      requests: k.requests,
      ok: k.ok,
      errors: k.errors,
      perSecond: k.requests / elapsed,
      p50: quantile(k.latencies, 0.5),
      p99: quantile(k.latencies, 0.99),
      max: k.latencies.reduce((a, b) => Math.max(a, b), 0)
    }));
    const errors = kinds.reduce(
      (n, k) => n + Object.values(k.errors).reduce((a, b) => a + b, 0),
      0
    );
    // Stop the servers gently, then count what is in the database.
    for (const s of servers) await s.stop();
    const answers = await checkAnswers(ctx, surveyId, answered.count);
    const activities = await checkActivities(
      ctx,
      ledger,
      reporters.map((r) => r.userId)
    );
    const audit =
      opts.audit === 'here' ? await auditVerifyHere(ctx) : await auditVerify(db, opts.server);
    await ctx.close();
    const lost = answers.lost + activities.lost;
    return {
      options: {
        ...opts,
        server: opts.server === 'dev' ? 'vite dev' : opts.server.build
      },
      loadBefore,
      loadAfter,
      kinds,
      errors,
      samples: Object.fromEntries(rec.samples),
      answers,
      activities,
      audit,
      lost,
      ok: errors === 0 && lost === 0 && activities.unexplained === 0 && audit.ok
    };
  } finally {
    for (const s of servers) await s.stop();
    if (opts.keep) log(`kept the database: ${db.where}`);
    else await db.drop();
  }
}

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

/** The report as a table and a few lines of checks. */
export function formatLoadReport(r: LoadReport): string {
  const o = r.options;
  const lines = [
    `Load: ${o.answerers} survey answerers + ${o.reporters} reporters, ${o.seconds} s, ${o.servers} server(s) on ${o.database} (${o.server}); load average before ${r.loadBefore}, after ${r.loadAfter}`,
    '',
    '| request | requests | per second | ok | errors | p50 | p99 | max |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    ...r.kinds.map(
      (k) =>
        `| ${k.kind} | ${k.requests} | ${k.perSecond.toFixed(1)} | ${k.ok} | ${
          Object.entries(k.errors)
            .map(([what, n]) => `${n} × ${what}`)
            .join(', ') || '0'
        } | ${ms(k.p50)} | ${ms(k.p99)} | ${ms(k.max)} |`
    ),
    '',
    `survey answers: ${r.answers.acknowledged} acknowledged (303 to the thank-you page), ${r.answers.stored} stored; lost ${r.answers.lost}, extra ${r.answers.extra}`,
    `activities: ${r.activities.acknowledged} acknowledged (201/200), ${r.activities.found} found by id; lost ${r.activities.lost}; ${r.activities.inDoubt} sent without an answer, ${r.activities.inDoubtStored} of them stored; unexplained rows ${r.activities.unexplained}`,
    `loften audit verify: ${r.audit.ok ? 'ok' : 'FAILED'}: ${r.audit.ok ? (r.audit.output.split('\n').slice(-1)[0] ?? '') : r.audit.output}`,
    ...Object.entries(r.samples).map(([k, v]) => `  example of ${k}: ${v}`),
    '',
    r.ok
      ? `OK: 0 errors, 0 lost, audit trail verified.`
      : `FAILED: ${r.errors} errors, ${r.lost} lost, ${r.activities.unexplained} unexplained rows, audit ${r.audit.ok ? 'ok' : 'failed'}.`
  ];
  return lines.join('\n');
}
