import { createHash, createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Ctx, Executor } from '../../context';
import type { AuditLogTable } from '../../db/schema';
import { changerId, type Changer } from '../../auth/policy';
import { loadConfig } from '../../config';
import {
  ACTIVITY_AUDITED_COLUMNS,
  GENESIS,
  activitiesWithRecordedState,
  appendAuditEntry,
  auditEntriesFrom,
  auditEntryHash,
  auditHead,
  auditedActivity,
  claimAuditHead,
  listCheckpoints,
  recordedActivitiesMissing,
  saveCheckpoint,
  type AuditedActivity
} from '../../db/repositories/shared/audit.repository';
import { stockholmDate } from '../../../core/stockholm-date';
import { fieldErrorsFromZod, ValidationError } from './errors';

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
const hmac = (key: Buffer, s: string) => createHmac('sha256', key).update(s).digest('hex');

type EntryFields = Omit<AuditLogTable, 'hash'>;

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
    await recordAudit(
      trx,
      ctx.now(),
      {
        ...entry,
        actorId: changerId(actor),
        organisationId: entry.organisationId ?? null
      },
      ctx.config.audit.key
    );
    return result;
  });
}

/**
 * Appends a keyed entry to the audit chain. Call inside the transaction that makes the change,
 * after the change: for an audited table (activities) the entry records the row's new state.
 * One HMAC and, for activities, one primary-key read per entry. `key` defaults to the process's
 * AUDIT_HMAC_KEY; callers with a context should pass ctx.config.audit.key.
 */
export async function recordAudit(
  trx: Executor,
  now: Date,
  entry: AuditEntry,
  key: Buffer = processKey()
): Promise<void> {
  const { seq, prevHash } = await claimAuditHead(trx);
  const rowHash =
    entry.entity === 'activity'
      ? activityStateHash(await auditedActivity(trx, entry.entityId))
      : null;
  const row: EntryFields = {
    seq,
    at: now.toISOString(),
    actor_id: entry.actorId,
    organisation_id: entry.organisationId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    prev_hash: prevHash,
    scheme: AUDIT_SCHEME,
    row_hash: rowHash
  };
  await appendAuditEntry(trx, { ...row, hash: keyedHashOf(key, row) });
}

/** Why the chain is broken, as a code (stable, for tests and scripts). */
export type ChainBreak =
  | 'entry missing'
  | 'link to previous entry broken'
  | 'content changed'
  | 'unkeyed entry after keyed entries'
  | 'unknown scheme'
  | 'entries removed from the end';

/** The same, in Swedish, for people. */
export const CHAIN_BREAK_TEXT: Record<ChainBreak, string> = {
  'entry missing': 'posten saknas',
  'link to previous entry broken': 'länken till föregående post stämmer inte',
  'content changed':
    'innehållet är ändrat eller posten är inte skriven med den här nyckeln (AUDIT_HMAC_KEY)',
  'unkeyed entry after keyed entries': 'en onyckad post efter nyckelade poster',
  'unknown scheme': 'okänt schema',
  'entries removed from the end': 'poster är borttagna från slutet'
};

/** The outcome of checking the chain: ok, or the first entry that does not match. */
export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: ChainBreak };

/** Walks the chain in pages and names the first entry whose hash, key or link is wrong. */
export async function verifyAuditChain(
  ctx: Pick<Ctx, 'db' | 'config'>
): Promise<AuditVerification> {
  const key = ctx.config.audit.key;
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let keyed = false;
  const pageSize = 1000;
  const broken = (brokenAt: number, reason: ChainBreak): AuditVerification => ({
    ok: false,
    entries: checked,
    brokenAt,
    reason
  });
  for (;;) {
    const rows = await auditEntriesFrom(ctx.db, expectedSeq, pageSize);
    for (const r of rows) {
      if (r.seq !== expectedSeq) return broken(expectedSeq, 'entry missing');
      if (r.prev_hash !== prev) return broken(r.seq, 'link to previous entry broken');
      const { hash, ...rest } = r;
      if (r.scheme === 0) {
        if (keyed) return broken(r.seq, 'unkeyed entry after keyed entries');
        if (legacyHashOf(rest) !== hash) return broken(r.seq, 'content changed');
      } else if (r.scheme === 1) {
        keyed = true;
        if (keyedHashOf(key, rest) !== hash) return broken(r.seq, 'content changed');
      } else return broken(r.seq, 'unknown scheme');
      prev = hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await auditHead(ctx.db);
  if (head && (head.seq !== checked || head.hash !== prev))
    return broken(checked + 1, 'entries removed from the end');
  return { ok: true, entries: checked };
}

/** A published checkpoint: on `day` the chain's head was entry `seq` with hash `head`. */
export type Checkpoint = { day: string; seq: number; head: string; mac: string };

const checkpointMac = (key: Buffer, c: Omit<Checkpoint, 'mac'>) =>
  hmac(key, `loften-checkpoint-v1|${c.day}|${c.seq}|${c.head}`);

/**
 * Writes today's checkpoint (Swedish date) of the chain's current head, replacing an earlier one
 * from today. Null while the chain is empty.
 */
export async function createCheckpoint(ctx: Ctx): Promise<Checkpoint | null> {
  const head = await auditHead(ctx.db);
  if (!head || head.seq === 0) return null;
  const now = ctx.now();
  const c = { day: stockholmDate(now), seq: head.seq, head: head.hash };
  const checkpoint = { ...c, mac: checkpointMac(ctx.config.audit.key, c) };
  await saveCheckpoint(ctx.db, {
    day: c.day,
    seq: c.seq,
    head_hash: c.head,
    mac: checkpoint.mac,
    created_at: now.toISOString()
  });
  return checkpoint;
}

/** A checkpoint as published, with when it was made. */
export type PublishedCheckpoint = Checkpoint & { at: string };

/** The newest checkpoints first: public, no personal data (dates, numbers and hashes). */
export async function publicCheckpoints(
  ctx: Pick<Ctx, 'db'>,
  limit = 400
): Promise<PublishedCheckpoint[]> {
  const rows = await listCheckpoints(ctx.db, limit);
  return rows.map((r) => ({
    day: r.day,
    seq: r.seq,
    head: r.head_hash,
    mac: r.mac,
    at: r.created_at
  }));
}

/** The newest checkpoint, for the footer of every page. */
export async function latestCheckpoint(ctx: Pick<Ctx, 'db'>): Promise<PublishedCheckpoint | null> {
  return (await publicCheckpoints(ctx, 1))[0] ?? null;
}

/**
 * The public list of checkpoints (/granskning/kontrollpunkter.json). A saved copy of it, or of
 * one item, is a checkpoint file for `loften audit verify --checkpoint`.
 */
export async function checkpointList(ctx: Pick<Ctx, 'db' | 'config'>, origin: string) {
  return {
    instance: origin,
    /** True when the instance uses the public development key: then the checkpoints prove nothing. */
    developmentKey: ctx.config.audit.development,
    description:
      'Granskningskedjans dagliga kontrollpunkter: kedjans senaste post (nr och kontrollsumma) vid dagens slut. Spara en kopia; den som har nyckeln kan visa att kedjan fortfarande innehåller den.',
    verify: 'loften audit verify --checkpoint <sparad fil>',
    checkpoints: await publicCheckpoints(ctx)
  };
}

const hex64 = z
  .string({ message: 'ska vara 64 hexadecimala tecken' })
  .regex(/^[0-9a-f]{64}$/, { message: 'ska vara 64 hexadecimala tecken' });
const checkpointSchema = z.object({
  day: z
    .string({ message: 'ska vara ett datum, ÅÅÅÅ-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'ska vara ett datum, ÅÅÅÅ-MM-DD' }),
  seq: z
    .number({ message: 'ska vara ett positivt heltal' })
    .int({ message: 'ska vara ett positivt heltal' })
    .positive({ message: 'ska vara ett positivt heltal' }),
  head: hex64,
  mac: hex64
});
const checkpointArraySchema = z
  .array(checkpointSchema)
  .min(1, { message: 'ska innehålla minst en kontrollpunkt' });
/** One checkpoint, a list of them, or the public feed's { checkpoints: [...] }. */
const checkpointFileSchema = (json: unknown) =>
  Array.isArray(json)
    ? checkpointArraySchema
    : json && typeof json === 'object' && 'checkpoints' in json
      ? z.object({ checkpoints: checkpointArraySchema }).transform((f) => f.checkpoints)
      : checkpointSchema.transform((c) => [c]);

/**
 * Reads a saved checkpoint file: one checkpoint, a list, or a saved copy of the public feed
 * (/granskning/kontrollpunkter.json). Bad input names the field, in Swedish.
 */
export function parseCheckpointFile(text: string): Checkpoint[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError([
      { field: 'checkpoint', message: 'Filen är inte JSON. Spara en kontrollpunkt som JSON.' }
    ]);
  }
  const r = checkpointFileSchema(json).safeParse(json);
  if (!r.success)
    throw new ValidationError(
      fieldErrorsFromZod(r.error.issues.map((i) => ({ ...i, path: ['checkpoint', ...i.path] })))
    );
  return r.data;
}

/** One thing `verifyAudit` found wrong, named for people (Swedish) and for scripts (code). */
export type AuditProblem = {
  code: ChainBreak | 'checkpoint forged' | 'checkpoint head missing' | 'row changed' | 'row gone';
  seq: number | null;
  entity?: string;
  entityId?: string;
  message: string;
};

/** The full check: the chain, checkpoints, and that audited tables agree with the trail. */
export type AuditReport = {
  ok: boolean;
  entries: number;
  checkpointsChecked: number;
  rowsChecked: number;
  /** Rows with no state in the trail (demo data, imports, entries from before migration 0015). */
  rowsNotCovered: number;
  problems: AuditProblem[];
};

/** Checks a checkpoint against the chain: made with this key, and its head still in the chain. */
async function checkCheckpoint(
  ctx: Pick<Ctx, 'db' | 'config'>,
  c: Checkpoint
): Promise<AuditProblem | null> {
  if (checkpointMac(ctx.config.audit.key, c) !== c.mac)
    return {
      code: 'checkpoint forged',
      seq: c.seq,
      message: `Kontrollpunkten från ${c.day} (nr ${c.seq}) är inte gjord med den här nyckeln.`
    };
  const hash = await auditEntryHash(ctx.db, c.seq);
  if (hash !== c.head)
    return {
      code: 'checkpoint head missing',
      seq: c.seq,
      message: `Kedjan innehåller inte längre kontrollpunkten från ${c.day}: post ${c.seq} ${
        hash ? 'har en annan kontrollsumma (kedjan är omskriven)' : 'saknas (poster är borttagna)'
      }.`
    };
  return null;
}

/** Compares every activity with the state the trail last recorded for it. */
async function checkActivities(
  ctx: Pick<Ctx, 'db'>,
  problems: AuditProblem[]
): Promise<{ checked: number; notCovered: number }> {
  let checked = 0;
  let notCovered = 0;
  let after = '';
  const pageSize = 500;
  for (;;) {
    const page = await activitiesWithRecordedState(ctx.db, after, pageSize);
    for (const { row, seq, rowHash } of page) {
      after = String(row.id);
      if (rowHash === null) {
        notCovered++;
        continue;
      }
      checked++;
      if (activityStateHash(row) !== rowHash)
        problems.push({
          code: 'row changed',
          seq,
          entity: 'activity',
          entityId: after,
          message: `Aktiviteten ${after} skiljer sig från granskningsloggens senaste post för den (nr ${seq}): raden är ändrad utan post.`
        });
    }
    if (page.length < pageSize) break;
  }
  for (const gone of await recordedActivitiesMissing(ctx.db)) {
    checked++;
    if (gone.rowHash !== ROW_GONE)
      problems.push({
        code: 'row gone',
        seq: gone.seq,
        entity: 'activity',
        entityId: gone.entityId,
        message: `Aktiviteten ${gone.entityId} finns i granskningsloggen (post ${gone.seq}) men inte i tabellen: raden är borttagen utan post.`
      });
  }
  return { checked, notCovered };
}

/**
 * Verifies the whole trail: the keyed chain, every checkpoint stored in the database plus the
 * given ones (from a saved file), and that each audited row equals its last recorded state.
 */
export async function verifyAudit(
  ctx: Pick<Ctx, 'db' | 'config'>,
  options: { checkpoints?: Checkpoint[] } = {}
): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const chain = await verifyAuditChain(ctx);
  if (!chain.ok)
    problems.push({
      code: chain.reason,
      seq: chain.brokenAt,
      message: `Kedjan är bruten vid post ${chain.brokenAt}: ${CHAIN_BREAK_TEXT[chain.reason]}.`
    });
  const stored = (await publicCheckpoints(ctx, 100_000)).map(({ at: _at, ...c }) => c);
  const given = options.checkpoints ?? [];
  const all = new Map(
    [...given, ...stored].map((c) => [`${c.day}|${c.seq}|${c.head}|${c.mac}`, c])
  );
  for (const c of all.values()) {
    const p = await checkCheckpoint(ctx, c);
    if (p) problems.push(p);
  }
  const rows = await checkActivities(ctx, problems);
  return {
    ok: problems.length === 0,
    entries: chain.entries,
    checkpointsChecked: all.size,
    rowsChecked: rows.checked,
    rowsNotCovered: rows.notCovered,
    problems
  };
}
