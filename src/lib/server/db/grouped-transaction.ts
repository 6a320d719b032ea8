/**
 * Small transactions that arrive together share one commit on SQLite (group commit). SQLite has
 * one connection and one writer, and its commit (writing the changed pages to the log) was a
 * quarter of the server's time under 200 people answering a survey at once (bench/writes.ts).
 *
 * Each piece of work runs in its own savepoint inside the shared transaction, so one that throws
 * (a refusal, a broken rule) is rolled back alone and the others are kept. Every caller's promise
 * settles after the shared commit: an acknowledged write is durable as before. On PostgreSQL each
 * piece runs in a transaction of its own: its connections commit side by side already.
 */
import { sql } from 'kysely';
import type { Ctx, Executor } from '../context';

type Waiting = {
  work: (trx: Executor) => Promise<unknown>;
  done: (value: unknown) => void;
  fail: (e: unknown) => void;
};

type Queue = { waiting: Waiting[]; running: boolean };
const queues = new WeakMap<object, Queue>();

/** Pieces per shared transaction at most: a long one holds the only writer. */
const MOST = 100;

/** Runs the pieces one after the other, each in a savepoint; returns each one's outcome. */
async function runShared(ctx: Ctx, batch: Waiting[]) {
  return ctx.db.transaction().execute(async (trx) => {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    for (const w of batch) {
      await sql`savepoint grouped`.execute(trx);
      try {
        outcomes.push({ ok: true, value: await w.work(trx) });
      } catch (error) {
        await sql`rollback to savepoint grouped`.execute(trx);
        outcomes.push({ ok: false, error });
      }
      await sql`release savepoint grouped`.execute(trx);
    }
    return outcomes;
  });
}

async function drain(ctx: Ctx, queue: Queue): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length) {
      // Let the requests already read from their sockets join this transaction.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = queue.waiting.splice(0, MOST);
      try {
        const outcomes = await runShared(ctx, batch);
        outcomes.forEach((o, i) => (o.ok ? batch[i]!.done(o.value) : batch[i]!.fail(o.error)));
      } catch (e) {
        // The shared commit failed: nothing of the batch was acknowledged or kept.
        for (const w of batch) w.fail(e);
      }
    }
  } finally {
    queue.running = false;
  }
}

/**
 * Runs `work` in a transaction: on SQLite in a savepoint of a transaction shared with the other
 * pieces that arrive in the same turn of the event loop; on PostgreSQL in its own. Resolves after
 * the commit; a piece that throws is rolled back alone and its caller gets the error.
 */
export function groupedTransaction<T>(ctx: Ctx, work: (trx: Executor) => Promise<T>): Promise<T> {
  if (ctx.dbKind !== 'sqlite') return ctx.db.transaction().execute(work);
  let queue = queues.get(ctx.db);
  if (!queue) queues.set(ctx.db, (queue = { waiting: [], running: false }));
  const q = queue;
  return new Promise<T>((done, fail) => {
    q.waiting.push({ work, done: done as (value: unknown) => void, fail });
    if (!q.running) void drain(ctx, q);
  });
}
