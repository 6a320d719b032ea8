/**
 * The crash run: writers log activities through the API with tokens and idempotency keys while
 * the server is killed with SIGKILL at a random moment, several rounds on one database. After
 * each restart every acknowledged activity must be there; the requests the kill cut off are sent
 * again with their keys (each must then be acknowledged, stored once); at the end `loften audit
 * verify` must pass. Used by `npm run crash` and by test/integration/reliability-crash.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { freshDatabase, loadAverage, startServer, type Dialect, type ServerKind } from './harness';
import { makeReporters } from './fixtures';
import { activityBody, newLedger, recorder, sendActivity, type Recorder } from './clients';
import { auditVerify, auditVerifyHere, checkActivities } from './verify';

export type CrashOptions = {
  database: Dialect;
  rounds: number;
  writers: number;
  /** The kill comes at a random moment from 0.5 s to this many seconds after the first acknowledgement. */
  maxSeconds: number;
  server: ServerKind;
  /** How to check the audit trail: `loften audit verify` (default) or its service in this process. */
  audit?: 'command' | 'here';
};

/** One round's figures. */
export type CrashRound = {
  round: number;
  /** Milliseconds after the round's first acknowledgement when the kill came. */
  killedAfterMs: number;
  acknowledgedInRound: number;
  /** Requests cut off by the kill (no answer). */
  cutOff: number;
  /** Of those, how many the database had anyway (committed before the kill). */
  cutOffStored: number;
  /** Acknowledged so far and found after the restart; and missing (must be 0). */
  found: number;
  lost: number;
  /** The cut-off requests sent again after the restart, and how many were acknowledged. */
  retried: number;
  retriedAcknowledged: number;
  restartMs: number;
};

export type CrashReport = {
  options: Omit<CrashOptions, 'server'> & { server: string };
  loadBefore: string;
  loadAfter: string;
  rounds: CrashRound[];
  acknowledged: number;
  lost: number;
  /** Rows of the writers that no acknowledgement accounts for, after the retries (must be 0). */
  unexplained: number;
  /** Unexpected answers other than the cut-off requests (must be 0). */
  errors: Record<string, number>;
  audit: { ok: boolean; output: string };
  ok: boolean;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCrash(
  opts: CrashOptions,
  log: (line: string) => void = () => {}
): Promise<CrashReport> {
  const db = await freshDatabase(opts.database);
  log(`database: ${opts.database}, ${db.where}`);
  let server = await startServer(db, opts.server).catch(async (e: unknown) => {
    await db.drop();
    throw e;
  });
  const ctx = db.open();
  try {
    const { reporters, measures } = await makeReporters(ctx, opts.writers);
    const ledger = newLedger();
    const sent = new Map<string, { body: ReturnType<typeof activityBody>; token: string }>();
    const rounds: CrashRound[] = [];
    const unexpected: Record<string, number> = {};
    const loadBefore = await loadAverage();
    log(`${opts.writers} writers, ${opts.rounds} rounds (load average ${loadBefore})`);
    for (let round = 1; round <= opts.rounds; round++) {
      const rec: Recorder = recorder();
      const base = server.url;
      const before = ledger.acknowledged.size;
      let stop = false;
      const writers = reporters.map(async (r) => {
        const prefix = `crash-${round}-${randomBytes(5).toString('hex')}`;
        for (let n = 1; !stop; n++) {
          const body = activityBody(measures, `${prefix}-${n}`);
          sent.set(body.idempotencyKey, { body, token: r.token });
          if (await sendActivity(rec, base, r.token, body, ledger))
            sent.delete(body.idempotencyKey);
        }
      });
      while (ledger.acknowledged.size === before) await sleep(20);
      const killedAfterMs = Math.round(500 + Math.random() * (opts.maxSeconds * 1000 - 500));
      await sleep(killedAfterMs);
      stop = true;
      await server.crash();
      await Promise.all(writers);
      const acknowledgedInRound = ledger.acknowledged.size - before;
      const stats = rec.kinds.get('activity POST');
      for (const [what, n] of Object.entries(stats?.errors ?? {}))
        if (what !== 'network') unexpected[what] = (unexpected[what] ?? 0) + n;

      const t = performance.now();
      server = await startServer(db, opts.server);
      const restartMs = Math.round(performance.now() - t);
      const cut = [...ledger.inDoubt];
      const check = await checkActivities(
        ctx,
        { acknowledged: ledger.acknowledged, inDoubt: new Set(cut) },
        []
      );
      // Send the cut-off requests again, as a careful client does after a time-out.
      const retry = recorder();
      let retriedAcknowledged = 0;
      for (const key of cut) {
        const { body, token } = sent.get(key)!;
        if (await sendActivity(retry, server.url, token, body, ledger, 'retry')) {
          retriedAcknowledged++;
          sent.delete(key);
        }
      }
      for (const [what, n] of Object.entries(retry.kinds.get('retry')?.errors ?? {}))
        unexpected[`retry ${what}`] = (unexpected[`retry ${what}`] ?? 0) + n;
      const r: CrashRound = {
        round,
        killedAfterMs,
        acknowledgedInRound,
        cutOff: cut.length,
        cutOffStored: check.inDoubtStored,
        found: check.found,
        lost: check.lost,
        retried: cut.length,
        retriedAcknowledged,
        restartMs
      };
      rounds.push(r);
      log(
        `round ${round}: killed ${r.killedAfterMs} ms in; ${r.acknowledgedInRound} acknowledged this round, ${r.cutOff} cut off (${r.cutOffStored} of them committed); after restart (${(r.restartMs / 1000).toFixed(1)} s) ${r.found} of ${ledger.acknowledged.size - retriedAcknowledged} acknowledged found, lost ${r.lost}; retried ${r.retried}, acknowledged ${r.retriedAcknowledged}`
      );
    }
    const loadAfter = await loadAverage();
    await server.stop();
    const final = await checkActivities(
      ctx,
      ledger,
      reporters.map((r) => r.userId)
    );
    const audit =
      opts.audit === 'here' ? await auditVerifyHere(ctx) : await auditVerify(db, opts.server);
    const lost = final.lost + rounds.reduce((n, r) => n + r.lost, 0);
    return {
      options: { ...opts, server: opts.server === 'dev' ? 'vite dev' : opts.server.build },
      loadBefore,
      loadAfter,
      rounds,
      acknowledged: final.acknowledged,
      lost,
      unexplained: final.unexplained + final.inDoubt,
      errors: unexpected,
      audit,
      ok:
        lost === 0 &&
        final.unexplained === 0 &&
        final.inDoubt === 0 &&
        Object.keys(unexpected).length === 0 &&
        audit.ok
    };
  } finally {
    await server.stop();
    await ctx.close();
    await db.drop();
  }
}

export function formatCrashReport(r: CrashReport): string {
  const o = r.options;
  return [
    `Crash: ${o.rounds} × kill -9 during ${o.writers} writers on ${o.database} (${o.server}); load average before ${r.loadBefore}, after ${r.loadAfter}`,
    '',
    '| round | killed after | acknowledged | cut off (committed) | found after restart | lost | retried → acknowledged | restart |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rounds.map(
      (x) =>
        `| ${x.round} | ${(x.killedAfterMs / 1000).toFixed(1)} s | ${x.acknowledgedInRound} | ${x.cutOff} (${x.cutOffStored}) | ${x.found} | ${x.lost} | ${x.retried} → ${x.retriedAcknowledged} | ${(x.restartMs / 1000).toFixed(1)} s |`
    ),
    '',
    `in all: ${r.acknowledged} acknowledged, ${r.lost} lost, ${r.unexplained} rows unexplained; other errors: ${JSON.stringify(r.errors)}`,
    `loften audit verify: ${r.audit.ok ? 'ok' : 'FAILED'}: ${r.audit.ok ? (r.audit.output.split('\n').slice(-1)[0] ?? '') : r.audit.output}`,
    r.ok ? 'OK: every acknowledged write survived, audit trail verified.' : 'FAILED.'
  ].join('\n');
}
