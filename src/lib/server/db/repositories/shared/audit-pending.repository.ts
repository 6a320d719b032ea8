import type { Executor } from '../../types';
import type { AuditLogTable, AuditPendingTable } from '../../schema';
import { GENESIS } from './audit.repository';

/** A waiting entry as read back: its order as a number. */
export type PendingEntry = Omit<AuditPendingTable, 'ord'> & { ord: number };

/** Writes an entry waiting to be chained; returns its order number. */
export async function appendPendingEntry(
  trx: Executor,
  row: Omit<AuditPendingTable, 'ord'>
): Promise<number> {
  const r = await trx
    .insertInto('audit_pending')
    .values(row)
    .returning('ord')
    .executeTakeFirstOrThrow();
  return Number(r.ord);
}

/**
 * Locks the head row for the rest of the transaction (concurrent sealers, and writers that chain
 * directly, wait here) and returns it; creates it before the very first entry.
 */
export async function lockAuditHead(trx: Executor): Promise<{ seq: number; hash: string }> {
  const lock = () =>
    trx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb.ref('seq') }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirst();
  let head = await lock();
  if (!head) {
    await trx
      .insertInto('audit_head')
      .values({ id: 1, seq: 0, hash: GENESIS })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    head = await lock();
    if (!head) throw new Error('audit head row missing');
  }
  return { seq: Number(head.seq), hash: head.hash };
}

/** Up to `limit` waiting entries in the order they were written. */
export async function pendingEntries(db: Executor, limit: number): Promise<PendingEntry[]> {
  const rows = await db
    .selectFrom('audit_pending')
    .selectAll()
    .orderBy('ord')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, ord: Number(r.ord) }));
}

/** Moves entries into the chain: inserts them, removes them from waiting, moves the head. */
export async function sealEntries(
  trx: Executor,
  chained: AuditLogTable[],
  ords: number[]
): Promise<void> {
  const last = chained.at(-1);
  if (!last) return;
  await trx.insertInto('audit_log').values(chained).execute();
  await trx.deleteFrom('audit_pending').where('ord', 'in', ords).execute();
  await trx
    .updateTable('audit_head')
    .set({ seq: last.seq, hash: last.hash })
    .where('id', '=', 1)
    .execute();
}

/** Whether these activities exist (for waiting entries whose row may be gone). */
export async function existingActivityIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('activities').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
