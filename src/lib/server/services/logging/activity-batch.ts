/**
 * Writes activities that arrive together in one transaction (group commit): the busiest write
 * path (issue 15: at least 1,000 activity writes a second). While one batch's transaction runs,
 * the activities that arrive wait and go in the next one, so a lone write goes at once and many
 * concurrent ones share one commit, one chain update and one transaction's round trips.
 *
 * Each activity and its audit entry are written in the same transaction, chained directly (the
 * head row is locked once per batch), so an acknowledged write is durable with its entry as
 * before. Nothing is kept here but the requests waiting for their batch: a process that dies
 * takes only unacknowledged writes with it. If a batch fails, its activities are written one by
 * one, so one bad row fails only its own request.
 */
import type { Ctx } from '../../context';
import type { ActivityTable } from '../../db/schema';
import { insertActivitiesUnlessKeysStored } from '../../db/repositories/logging/activity.repository';
import { recordAuditBatch, type AuditEntry } from '../shared/audit.service';
import { noteLocalChange } from '../shared/local-changes';

/** Activities per transaction at most (SQLite allows 32,766 bound values; a row has about 21). */
export const ACTIVITY_BATCH = 200;

type Waiting = {
  row: ActivityTable;
  entry: AuditEntry;
  done: (inserted: boolean) => void;
  fail: (e: unknown) => void;
};

type Queue = { waiting: Waiting[]; running: boolean };
const queues = new WeakMap<object, Queue>();

/** One transaction: the activities, then their entries chained; the ids inserted. */
async function writeBatch(ctx: Ctx, batch: Waiting[]): Promise<Set<string>> {
  const inserted = await ctx.db.transaction().execute(async (trx) => {
    const ids = await insertActivitiesUnlessKeysStored(
      trx,
      batch.map((w) => w.row)
    );
    // A row whose key was already stored was not written: it has no entry.
    const entries = batch.filter((w) => ids.has(w.row.id)).map((w) => w.entry);
    await recordAuditBatch(trx, ctx.now(), entries, ctx.config.audit.key);
    return ids;
  });
  noteLocalChange(ctx.db);
  return inserted;
}

/**
 * Lets the requests already read from their sockets reach the queue. On SQLite a whole request
 * runs in microtasks up to here and a batch's transaction never waits for I/O, so without this
 * every batch would hold one activity.
 */
const othersArrive = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drain(ctx: Ctx, queue: Queue): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length) {
      await othersArrive();
      const batch = queue.waiting.splice(0, ACTIVITY_BATCH);
      try {
        const ids = await writeBatch(ctx, batch);
        for (const w of batch) w.done(ids.has(w.row.id));
      } catch (e) {
        if (batch.length === 1) {
          batch[0]!.fail(e);
          continue;
        }
        // One bad row fails only its own request.
        for (const w of batch) {
          try {
            w.done((await writeBatch(ctx, [w])).has(w.row.id));
          } catch (one) {
            w.fail(one);
          }
        }
      }
    }
  } finally {
    queue.running = false;
  }
}

/**
 * Writes an activity with its audit entry, in the next batch; resolves when that batch has
 * committed: true when written, false when its idempotency key was already stored (nothing
 * written, no entry).
 */
export function writeActivity(ctx: Ctx, row: ActivityTable, entry: AuditEntry): Promise<boolean> {
  let queue = queues.get(ctx.db);
  if (!queue) queues.set(ctx.db, (queue = { waiting: [], running: false }));
  const q = queue;
  return new Promise<boolean>((done, fail) => {
    q.waiting.push({ row, entry, done, fail });
    if (!q.running) void drain(ctx, q);
  });
}
