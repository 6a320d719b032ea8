import { createHash } from 'node:crypto';
import type { Ctx, Executor } from '../../context';
import type { AuditLogTable } from '../../db/schema';
import { changerId, type Changer } from '../../auth/policy';

/** One change to record: who, for which organisation, what, before and after. */
export type AuditEntry = {
  actorId: string | null;
  organisationId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

const GENESIS = '0'.repeat(64);

const hashOf = (row: Omit<AuditLogTable, 'hash'>): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        row.seq,
        row.at,
        row.actor_id,
        row.organisation_id,
        row.action,
        row.entity,
        row.entity_id,
        row.before_json,
        row.after_json,
        row.prev_hash
      ])
    )
    .digest('hex');

/**
 * Runs a change and records it in the audit trail, in one transaction: both happen or neither.
 * The entry's actor is the one making the change; its organisation defaults to none.
 */
export async function auditedChange<T>(
  ctx: Ctx,
  actor: Changer,
  entry: Omit<AuditEntry, 'actorId' | 'organisationId'> & { organisationId?: string | null },
  change: (trx: Executor) => Promise<T>
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const result = await change(trx);
    await recordAudit(trx, ctx.now(), {
      ...entry,
      actorId: changerId(actor),
      organisationId: entry.organisationId ?? null
    });
    return result;
  });
}

/**
 * Appends an entry to the audit chain. Call inside the transaction that makes the change; the
 * head row is updated first, which serialises concurrent writers on PostgreSQL.
 */
export async function recordAudit(trx: Executor, now: Date, entry: AuditEntry): Promise<void> {
  const claim = () =>
    trx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirst();
  let head = await claim();
  if (!head) {
    // The very first entry: create the head row. Concurrent first writers wait on its key and
    // then claim the next number from the row the winner committed.
    await trx
      .insertInto('audit_head')
      .values({ id: 1, seq: 0, hash: GENESIS })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    head = await claim();
    if (!head) throw new Error('audit head row missing');
  }
  const seq = Number(head.seq);
  const prevHash = head.hash;
  const row = {
    seq,
    at: now.toISOString(),
    actor_id: entry.actorId,
    organisation_id: entry.organisationId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    prev_hash: prevHash
  };
  const hash = hashOf(row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

/** The outcome of checking the chain: ok, or the first entry that does not match. */
export type AuditVerification =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the chain in pages and names the first entry whose hash or link is wrong. */
export async function verifyAuditChain(ctx: Pick<Ctx, 'db'>): Promise<AuditVerification> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 1000;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) {
        return { ok: false, entries: checked, brokenAt: expectedSeq, reason: 'entry missing' };
      }
      if (r.prev_hash !== prev) {
        return {
          ok: false,
          entries: checked,
          brokenAt: seq,
          reason: 'link to previous entry broken'
        };
      }
      const { hash, ...rest } = r;
      if (hashOf({ ...rest, seq }) !== hash) {
        return { ok: false, entries: checked, brokenAt: seq, reason: 'content changed' };
      }
      prev = hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await ctx.db
    .selectFrom('audit_head')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head && (Number(head.seq) !== checked || head.hash !== prev)) {
    return {
      ok: false,
      entries: checked,
      brokenAt: checked + 1,
      reason: 'entries removed from the end'
    };
  }
  return { ok: true, entries: checked };
}
