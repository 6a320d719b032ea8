import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../types';
import type { AuditCheckpointTable, AuditLogTable } from '../../schema';

/** The hash the chain starts from, before the first entry. */
export const GENESIS = '0'.repeat(64);

/**
 * Claims the next sequence number by bumping the head row, which serialises concurrent writers
 * on PostgreSQL; creates the head row on the very first entry. Returns the new number and the
 * hash of the entry before it.
 */
export async function claimAuditHead(trx: Executor): Promise<{ seq: number; prevHash: string }> {
  const claim = () =>
    trx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirst();
  let head = await claim();
  if (!head) {
    // Concurrent first writers wait on the key and then claim from the row the winner committed.
    await trx
      .insertInto('audit_head')
      .values({ id: 1, seq: 0, hash: GENESIS })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    head = await claim();
    if (!head) throw new Error('audit head row missing');
  }
  return { seq: Number(head.seq), prevHash: head.hash };
}

/** Writes an entry and moves the head's hash to it. */
export const appendAuditEntry = (trx: Executor, row: AuditLogTable): Promise<void> =>
  appendAuditEntries(trx, [row]);

/** Writes entries chained in order (the caller holds the head) and moves the head to the last. */
export async function appendAuditEntries(trx: Executor, rows: AuditLogTable[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  const head = { seq: last.seq, hash: last.hash };
  // PostgreSQL takes both in one statement (one round trip while the head is locked).
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    await trx
      .with('entries', (db) => db.insertInto('audit_log').values(rows))
      .updateTable('audit_head')
      .set(head)
      .where('id', '=', 1)
      .execute();
    return;
  }
  await trx.insertInto('audit_log').values(rows).execute();
  await trx.updateTable('audit_head').set(head).where('id', '=', 1).execute();
}

/** Up to `limit` entries from sequence number `from` on, in order. */
export async function auditEntriesFrom(
  db: Executor,
  from: number,
  limit: number
): Promise<AuditLogTable[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>=', from)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq), scheme: Number(r.scheme) }));
}

/** The head row: the last sequence number and hash, or undefined before the first entry. */
export async function auditHead(db: Executor): Promise<{ seq: number; hash: string } | undefined> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return head && { seq: Number(head.seq), hash: head.hash };
}

/** One entry's hash by sequence number. */
export async function auditEntryHash(db: Executor, seq: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash;
}

/**
 * The audited columns of the activities table, in a fixed order: a column added later does not
 * change the state of old rows. The idempotency key is left out (it is a transport detail).
 */
export const ACTIVITY_AUDITED_COLUMNS = [
  'id',
  'agreement_id',
  'measure_key',
  'occurred_on',
  'count',
  'shifts',
  'grade',
  'place',
  'note',
  'organisation_id',
  'created_by',
  'created_at',
  'deleted_at',
  'demo',
  'publication',
  'publish_after',
  'party_ids',
  'updated_at',
  'updated_by'
] as const;

export type AuditedActivity = Record<(typeof ACTIVITY_AUDITED_COLUMNS)[number], unknown>;

/** An activity's audited columns, or undefined when there is no such row. */
export async function auditedActivity(
  db: Executor,
  id: string
): Promise<AuditedActivity | undefined> {
  return db
    .selectFrom('activities')
    .select([...ACTIVITY_AUDITED_COLUMNS])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * A page of activities (by id, after `afterId`) with the row hash of the newest audit entry that
 * recorded a state for each, if any. The states are looked up for the page's ids only, through
 * the (entity, entity_id) index, so checking every row stays linear in the table's size.
 */
export async function activitiesWithRecordedState(
  db: Executor,
  afterId: string,
  limit: number
): Promise<{ row: AuditedActivity; seq: number | null; rowHash: string | null }[]> {
  const rows: AuditedActivity[] = await db
    .selectFrom('activities')
    .select([...ACTIVITY_AUDITED_COLUMNS])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  if (!rows.length) return [];
  const latest = db
    .selectFrom('audit_log')
    .select(['entity_id', (eb) => eb.fn.max('seq').as('seq')])
    .where('entity', '=', 'activity')
    .where(
      'entity_id',
      'in',
      rows.map((r) => String(r.id))
    )
    .where('row_hash', 'is not', null)
    .groupBy('entity_id')
    .as('m');
  const states = await db
    .selectFrom(latest)
    .innerJoin('audit_log as l', 'l.seq', 'm.seq')
    .select(['m.entity_id', 'l.seq', 'l.row_hash'])
    .execute();
  const byId = new Map(states.map((s) => [s.entity_id, s]));
  return rows.map((row) => {
    const state = byId.get(String(row.id));
    return {
      row,
      seq: state ? Number(state.seq) : null,
      rowHash: state?.row_hash ?? null
    };
  });
}

/** Activities the trail recorded a state for that are no longer in the table, with that state. */
export async function recordedActivitiesMissing(
  db: Executor
): Promise<{ entityId: string; seq: number; rowHash: string | null }[]> {
  const latest = db
    .selectFrom('audit_log')
    .select(['entity_id', (eb) => eb.fn.max('seq').as('seq')])
    .where('entity', '=', 'activity')
    .where('row_hash', 'is not', null)
    .groupBy('entity_id')
    .as('m');
  const rows = await db
    .selectFrom(latest)
    .innerJoin('audit_log as l', 'l.seq', 'm.seq')
    .select(['m.entity_id', 'm.seq', 'l.row_hash'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('activities as a')
            .select(sql.lit(1).as('one'))
            .whereRef('a.id', '=', 'm.entity_id')
        )
      )
    )
    .orderBy('m.entity_id')
    .execute();
  return rows.map((r) => ({ entityId: r.entity_id, seq: Number(r.seq), rowHash: r.row_hash }));
}

/** Saves the day's checkpoint; a later one the same day replaces it (its head includes the earlier). */
export async function saveCheckpoint(db: Executor, row: AuditCheckpointTable): Promise<void> {
  await db
    .insertInto('audit_checkpoints')
    .values(row)
    .onConflict((oc) =>
      oc.column('day').doUpdateSet({
        seq: row.seq,
        head_hash: row.head_hash,
        mac: row.mac,
        created_at: row.created_at
      })
    )
    .execute();
}

/** Checkpoints, newest first. */
export async function listCheckpoints(
  db: Executor,
  limit: number
): Promise<AuditCheckpointTable[]> {
  const rows = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('day', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** One day's checkpoint. */
export async function checkpointOn(
  db: Executor,
  day: string
): Promise<AuditCheckpointTable | undefined> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('day', '=', day)
    .executeTakeFirst();
  return row && { ...row, seq: Number(row.seq) };
}
