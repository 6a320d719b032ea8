/**
 * After the clients stop: is every acknowledged write in the database, exactly once, and does
 * `loften audit verify` accept the audit trail (chain, checkpoints, activities against the log)?
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Ctx } from '../../src/lib/server/context';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FreshDatabase, ServerKind } from './harness';
import type { ReporterLedger } from './clients';
import { verifyAudit } from '../../src/lib/server/services/shared/audit-verify.service';

const chunks = <T>(list: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size)
  );

/** The activities check: acknowledged ids missing, and rows beyond what was acknowledged. */
export type ActivityCheck = {
  acknowledged: number;
  found: number;
  /** Acknowledged but not in the database (must be 0). */
  lost: number;
  /** Sent without an answer, and stored all the same (allowed: the client could not know). */
  inDoubtStored: number;
  inDoubt: number;
  /** Rows of these reporters that no acknowledgement or unanswered request accounts for (must be 0). */
  unexplained: number;
};

export async function checkActivities(
  ctx: Ctx,
  ledger: ReporterLedger,
  reporterIds: string[]
): Promise<ActivityCheck> {
  const ids = [...ledger.acknowledged.values()];
  let found = 0;
  for (const part of chunks(ids)) {
    const rows = await ctx.db
      .selectFrom('activities')
      .select('id')
      .where('id', 'in', part)
      .where('deleted_at', 'is', null)
      .execute();
    found += rows.length;
  }
  let inDoubtStored = 0;
  for (const part of chunks([...ledger.inDoubt])) {
    const rows = await ctx.db
      .selectFrom('activities')
      .select('id')
      .where('idempotency_key', 'in', part)
      .execute();
    inDoubtStored += rows.length;
  }
  let total = 0;
  for (const part of chunks(reporterIds)) {
    const row = await ctx.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_by', 'in', part)
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return {
    acknowledged: ids.length,
    found,
    lost: ids.length - found,
    inDoubtStored,
    inDoubt: ledger.inDoubt.size,
    unexplained: total - found - inDoubtStored
  };
}

/** The survey check: answers stored against answers the server thanked for. */
export type AnswerCheck = {
  acknowledged: number;
  stored: number;
  /** Thanked for but not stored (must be 0). */
  lost: number;
  /** Stored beyond the thanked-for ones: at most the posts that got no answer. */
  extra: number;
};

export async function checkAnswers(
  ctx: Ctx,
  surveyId: string,
  acknowledged: number
): Promise<AnswerCheck> {
  const row = await ctx.db
    .selectFrom('survey_responses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  const stored = Number(row.n);
  return {
    acknowledged,
    stored,
    lost: Math.max(0, acknowledged - stored),
    extra: Math.max(0, stored - acknowledged)
  };
}

/**
 * Runs `loften audit verify` on the database, as an operator would; its exit code and words. The
 * command of the checkout the server was built from (its migrations must match the database's).
 */
export function auditVerify(
  db: FreshDatabase,
  server: ServerKind = 'dev'
): Promise<{ ok: boolean; output: string }> {
  const own = fileURLToPath(new URL('../../bin/loften.js', import.meta.url));
  const beside = server === 'dev' ? own : join(dirname(server.build), 'bin', 'loften.js');
  const bin = existsSync(beside) ? beside : own;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...db.env,
    LOFTEN_DEMO: 'true'
  };
  delete env.NODE_ENV;
  if (!env.DATABASE_URL) delete env.DATABASE_URL;
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, [bin, 'audit', 'verify'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    p.stdout.on('data', (d) => (output += d));
    p.stderr.on('data', (d) => (output += d));
    p.on('error', fail);
    p.on('close', (code) => ok({ ok: code === 0, output: output.trim() }));
  });
}

/**
 * The same check in this process, through the service the command calls (the small versions in
 * CI use it: spawning the command costs seconds of compiling on a busy machine).
 */
export async function auditVerifyHere(ctx: Ctx): Promise<{ ok: boolean; output: string }> {
  const r = await verifyAudit(ctx);
  const summary = `${r.entries} entries, ${r.waiting} waiting to be chained, ${r.rowsChecked} rows compared with the trail`;
  return r.ok
    ? { ok: true, output: `Granskningsloggen stämmer: ${summary}` }
    : { ok: false, output: `${r.problems.map((p) => p.message).join('\n')}\n${summary}` };
}
