import { createHash, createHmac, randomUUID } from 'node:crypto';
import { noteLocalChange } from './local-changes';
import type { Ctx, Executor } from '../../context';
import type { AuditLogTable, AuditPendingTable } from '../../db/schema';
import { changerId, type Changer } from '../../auth/policy';
import { loadConfig } from '../../config';
import {
  ACTIVITY_AUDITED_COLUMNS,
  appendAuditEntries,
  appendAuditEntry,
  auditedActivity,
  claimAuditHead,
  type AuditedActivity
} from '../../db/repositories/shared/audit.repository';
import {
  appendPendingEntry,
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
 * Appends keyed entries to the chain directly, in order, in the caller's transaction: the head
 * row is locked once for all of them (many writes, one chain update). As with recordAudit, call
 * after the changes the entries record.
 */
export async function recordAuditBatch(
  trx: Executor,
  now: Date,
  entries: AuditEntry[],
  key: Buffer
): Promise<void> {
  if (!entries.length) return;
  const columns = [];
  for (const entry of entries) columns.push(await entryColumns(trx, now, entry));
  const head = await lockAuditHead(trx);
  let prev = head.hash;
  let seq = head.seq;
  const chained = columns.map((c): AuditLogTable => {
    const row: EntryFields = { seq: ++seq, ...c, prev_hash: prev, scheme: AUDIT_SCHEME };
    prev = keyedHashOf(key, row);
    return { ...row, hash: prev };
  });
  await appendAuditEntries(trx, chained);
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
 * This process's sealing passes, per database: at most one runs, and at most one waits to start.
 * Every writer that commits while a pass runs joins the one waiting, so many writers' entries cost
 * one pass (group commit) and no writer asks the database whether its own entry is chained yet.
 * (Coordination only: no data is kept here; several processes still serialise on the head row.)
 */
type SealPasses = { current: Promise<number> | null; next: Promise<number> | null };
const passes = new WeakMap<object, SealPasses>();

/** A sealing pass that starts after this call; resolves with how many it chained when it ends. */
function passAfterNow(db: Ctx['db'], key: Buffer): Promise<number> {
  let p = passes.get(db);
  if (!p) passes.set(db, (p = { current: null, next: null }));
  const state = p;
  if (state.next) return state.next;
  const before = state.current;
  const run = async (): Promise<number> => {
    // Always yields once, so `pass` is assigned before it is read below.
    await before?.catch(() => 0);
    // This pass starts now: whoever comes later needs the one after it.
    state.next = null;
    state.current = pass;
    try {
      return await sealWaiting(db, key);
    } finally {
      if (state.current === pass) state.current = null;
    }
  };
  const pass = run();
  state.next = pass;
  return pass;
}

/**
 * Chains waiting entries in the order they were written, up to SEAL_BATCH per transaction, under
 * the head row's lock: many writers' entries cost one chain update. A pass that starts after the
 * call sees every entry committed before it (its own, or another process's sealer chained it
 * first), so when this returns, every entry committed before the call is in the chain. An entry
 * whose MAC does not match is left waiting (verifyAudit names it). Returns how many the pass
 * chained.
 */
export async function sealAudit(db: Ctx['db'], key: Buffer): Promise<number> {
  return passAfterNow(db, key);
}

/**
 * Runs a change and records it in the audit trail, in one transaction: both happen or neither.
 * On PostgreSQL the entry waits in that transaction and is chained right after it commits
 * (sealAudit), so the chain's head is held for a short batch, not for every writer's whole
 * transaction. On SQLite, where one write transaction runs at a time anyway, the entry is chained
 * in the change's own transaction (recordAudit): one transaction per write instead of two. Either
 * way, when this returns, the entry is in the chain. The entry's actor is the one making the
 * change; its organisation defaults to none.
 */
export async function auditedChange<T>(
  ctx: Ctx,
  actor: Changer,
  entry: Omit<AuditEntry, 'actorId' | 'organisationId'> & { organisationId?: string | null },
  change: (trx: Executor) => Promise<T>
): Promise<T> {
  const key = ctx.config.audit.key;
  const full = {
    ...entry,
    actorId: changerId(actor),
    organisationId: entry.organisationId ?? null
  };
  const direct = ctx.dbKind === 'sqlite';
  const result = await ctx.db.transaction().execute(async (trx) => {
    const result = await change(trx);
    if (direct) await recordAudit(trx, ctx.now(), full, key);
    else await recordPendingAudit(trx, ctx.now(), full, key);
    return result;
  });
  if (!direct) await sealAudit(ctx.db, key);
  noteLocalChange(ctx.db);
  return result;
}
