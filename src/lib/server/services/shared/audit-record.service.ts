import { createHash, createHmac, randomUUID } from 'node:crypto';
import { noteLocalChange } from './local-changes';
import type { Ctx, Executor } from '../../context';
import type { AuditLogTable, AuditPendingTable } from '../../db/schema';
import { changerId, type Changer } from '../../auth/policy';
import { loadConfig } from '../../config';
import {
  ACTIVITY_AUDITED_COLUMNS,
  appendAuditEntry,
  auditedActivity,
  claimAuditHead,
  type AuditedActivity
} from '../../db/repositories/shared/audit.repository';
import {
  appendPendingEntry,
  isPending,
  lockAuditHead,
  pendingEntries,
  sealEntries,
  type PendingEntry
} from '../../db/repositories/shared/audit-pending.repository';

/** One change to record: who, for which organisation, what, before and after. */
export type AuditEntry = {
  actorId: string | null;
  organisationId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /**
   * For an activity: the row as just written, when the caller has it (saves reading it back).
   * Otherwise the row is read inside the transaction.
   */
  state?: AuditedActivity;
};

/**
 * Scheme 0 is the old chain: SHA-256 of the entry and the previous hash, which anyone with write
 * access can recompute. Scheme 1 (every entry written since migration 0015) is HMAC-SHA-256 with
 * AUDIT_HMAC_KEY, which is never stored in the database. The upgrade rule: a chain may start with
 * scheme-0 entries, but once a scheme-1 entry appears every later entry must be scheme 1.
 */
export const AUDIT_SCHEME = 1;

/** The state recorded for a row that no longer exists. */
export const ROW_GONE = 'gone';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const hmac = (key: Buffer, s: string) => createHmac('sha256', key).update(s).digest('hex');

export type EntryFields = Omit<AuditLogTable, 'hash'>;

/** Scheme 0's hash of an entry (exported for tests that play the tamperer). */
export const legacyHashOf = (row: EntryFields): string =>
  sha256(
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
  );

/** Scheme 1's keyed hash of an entry. */
export const keyedHashOf = (key: Buffer, row: EntryFields): string =>
  hmac(
    key,
    JSON.stringify([
      'loften-audit-v1',
      row.seq,
      row.at,
      row.actor_id,
      row.organisation_id,
      row.action,
      row.entity,
      row.entity_id,
      row.before_json,
      row.after_json,
      row.row_hash,
      row.prev_hash
    ])
  );

/** The keyed MAC of an entry waiting to be chained: its content and its random nonce. */
export const pendingMacOf = (key: Buffer, row: Omit<AuditPendingTable, 'ord' | 'mac'>): string =>
  hmac(
    key,
    JSON.stringify([
      'loften-audit-pending-v1',
      row.nonce,
      row.at,
      row.actor_id,
      row.organisation_id,
      row.action,
      row.entity,
      row.entity_id,
      row.before_json,
      row.after_json,
      row.row_hash
    ])
  );

/**
 * The state of an audited row: SHA-256 over its audited columns in a fixed order, values as text
 * (so SQLite's and PostgreSQL's number types agree). A missing row is ROW_GONE.
 */
export const activityStateHash = (row: AuditedActivity | undefined): string =>
  row
    ? sha256(
        JSON.stringify([
          'activity',
          ...ACTIVITY_AUDITED_COLUMNS.map((c) => (row[c] == null ? null : String(row[c])))
        ])
      )
    : ROW_GONE;

let configuredKey: Buffer | undefined;
/** The key for callers that pass none: the process's configuration (the same one the app uses). */
const processKey = (): Buffer => (configuredKey ??= loadConfig().audit.key);

/** The entry's columns shared by the chain and the waiting table. */
async function entryColumns(trx: Executor, now: Date, entry: AuditEntry) {
  const rowHash =
    entry.entity === 'activity'
      ? activityStateHash(entry.state ?? (await auditedActivity(trx, entry.entityId)))
      : null;
  return {
    at: now.toISOString(),
    actor_id: entry.actorId,
    organisation_id: entry.organisationId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    row_hash: rowHash
  };
}

/**
 * Appends a keyed entry to the audit chain directly. Call inside the transaction that makes the
 * change, after the change: for an audited table (activities) the entry records the row's new
 * state. Holds the chain's head row until the transaction ends, so concurrent writers queue;
 * busy paths use auditedChange, which writes the entry to wait and seals in batches. `key`
 * defaults to the process's AUDIT_HMAC_KEY; callers with a context should pass ctx.config.audit.key.
 */
export async function recordAudit(
  trx: Executor,
  now: Date,
  entry: AuditEntry,
  key: Buffer = processKey()
): Promise<void> {
  const { seq, prevHash } = await claimAuditHead(trx);
  const row: EntryFields = {
    seq,
    ...(await entryColumns(trx, now, entry)),
    prev_hash: prevHash,
    scheme: AUDIT_SCHEME
  };
  await appendAuditEntry(trx, { ...row, hash: keyedHashOf(key, row) });
}

/**
 * Writes a keyed entry to wait for the chain, in the change's transaction (after the change), and
 * returns its order number for sealAudit. The entry is as durable as the change: both or neither.
 */
export async function recordPendingAudit(
  trx: Executor,
  now: Date,
  entry: AuditEntry,
  key: Buffer
): Promise<number> {
  const row = { nonce: randomUUID(), ...(await entryColumns(trx, now, entry)) };
  return appendPendingEntry(trx, { ...row, mac: pendingMacOf(key, row) });
}

/** Entries chained per sealing transaction. */
export const SEAL_BATCH = 500;

class NothingToSeal extends Error {}

/** A waiting entry's MAC is right (an entry changed while waiting is never chained). */
export const pendingIntact = (key: Buffer, p: PendingEntry): boolean => {
  const { ord: _ord, mac, ...rest } = p;
  return pendingMacOf(key, rest) === mac;
};

/** Chains everything waiting, a batch per transaction; returns how many were chained. */
async function sealWaiting(db: Ctx['db'], key: Buffer): Promise<number> {
  let sealed = 0;
  for (;;) {
    let seen = 0;
    try {
      sealed += await db.transaction().execute(async (trx) => {
        const head = await lockAuditHead(trx);
        const waiting = await pendingEntries(trx, SEAL_BATCH);
        seen = waiting.length;
        const good = waiting.filter((p) => pendingIntact(key, p));
        // Nothing to chain: roll back, so a sealer that came too late costs no commit.
        if (!good.length) throw new NothingToSeal();
        let prev = head.hash;
        let seq = head.seq;
        const chained = good.map((p): AuditLogTable => {
          const row: EntryFields = {
            seq: ++seq,
            at: p.at,
            actor_id: p.actor_id,
            organisation_id: p.organisation_id,
            action: p.action,
            entity: p.entity,
            entity_id: p.entity_id,
            before_json: p.before_json,
            after_json: p.after_json,
            row_hash: p.row_hash,
            prev_hash: prev,
            scheme: AUDIT_SCHEME
          };
          prev = keyedHashOf(key, row);
          return { ...row, hash: prev };
        });
        await sealEntries(
          trx,
          chained,
          good.map((p) => p.ord)
        );
        return chained.length;
      });
    } catch (e) {
      if (!(e instanceof NothingToSeal)) throw e;
    }
    if (seen < SEAL_BATCH) return sealed;
  }
}

/**
 * The sealer running in this process, per database. Writers that find one running wait for it
 * instead of queueing on the head row's lock, where each would hold a pooled connection idle.
 * (Coordination only: no data is kept here; several processes still serialise on the lock.)
 */
const running = new WeakMap<object, Promise<number>>();

/**
 * Chains waiting entries in the order they were written, up to SEAL_BATCH per transaction, under
 * the head row's lock: many writers' entries cost one chain update. With `mine`, returns at once
 * when that entry is already chained (another writer's sealer took it); otherwise it seals (or
 * waits for this process's sealer and looks again), so when it returns `mine` is in the chain.
 * An entry whose MAC does not match is left waiting (verifyAudit names it). Returns how many this
 * call chained.
 */
export async function sealAudit(db: Ctx['db'], key: Buffer, mine?: number): Promise<number> {
  for (let sealed = 0; ;) {
    if (mine !== undefined && !(await isPending(db, mine))) return sealed;
    const other = running.get(db);
    if (other) {
      await other.catch(() => 0);
      continue;
    }
    const own = sealWaiting(db, key);
    running.set(db, own);
    try {
      sealed += await own;
    } finally {
      running.delete(db);
    }
    // Without `mine`, or with an entry that cannot be chained (changed while waiting): done.
    if (mine === undefined || !(await isPending(db, mine))) return sealed;
    const left = await pendingEntries(db, SEAL_BATCH);
    if (!left.some((p) => p.ord === mine && pendingIntact(key, p))) return sealed;
  }
}

/**
 * Runs a change and records it in the audit trail, in one transaction: both happen or neither.
 * The entry waits in that transaction and is chained right after it commits (sealAudit), so the
 * chain's head is held for a short batch, not for every writer's whole transaction. When this
 * returns, the entry is in the chain. The entry's actor is the one making the change; its
 * organisation defaults to none.
 */
export async function auditedChange<T>(
  ctx: Ctx,
  actor: Changer,
  entry: Omit<AuditEntry, 'actorId' | 'organisationId'> & { organisationId?: string | null },
  change: (trx: Executor) => Promise<T>
): Promise<T> {
  const key = ctx.config.audit.key;
  let ord = 0;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const result = await change(trx);
    ord = await recordPendingAudit(
      trx,
      ctx.now(),
      { ...entry, actorId: changerId(actor), organisationId: entry.organisationId ?? null },
      key
    );
    return result;
  });
  await sealAudit(ctx.db, key, ord);
  noteLocalChange(ctx.db);
  return result;
}
