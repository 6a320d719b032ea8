import type { Ctx } from '../../context';
import {
  GENESIS,
  activitiesWithRecordedState,
  auditEntriesFrom,
  auditEntryHash,
  auditHead,
  recordedActivitiesMissing
} from '../../db/repositories/shared/audit.repository';
import {
  existingActivityIds,
  pendingEntries
} from '../../db/repositories/shared/audit-pending.repository';
import {
  activityStateHash,
  keyedHashOf,
  legacyHashOf,
  pendingIntact,
  ROW_GONE
} from './audit-record.service';
import { checkpointMac, publicCheckpoints, type Checkpoint } from './audit-checkpoint.service';

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

/** One thing `verifyAudit` found wrong, named for people (Swedish) and for scripts (code). */
export type AuditProblem = {
  code:
    | ChainBreak
    | 'checkpoint forged'
    | 'checkpoint head missing'
    | 'row changed'
    | 'row gone'
    | 'waiting entry changed';
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
  /** Entries written but not chained yet (normally none: each change's own sealer chains it). */
  waiting: number;
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

/** The newest waiting state per activity: it is newer than anything chained for that activity. */
type WaitingStates = Map<string, { ord: number; rowHash: string }>;

/**
 * Checks the entries waiting to be chained: each must carry its MAC (an entry changed while it
 * waited is named, and the sealer never chains it). Returns the newest state each records.
 */
async function checkWaiting(
  ctx: Pick<Ctx, 'db' | 'config'>,
  problems: AuditProblem[]
): Promise<{ count: number; states: WaitingStates }> {
  const states: WaitingStates = new Map();
  const waiting = await pendingEntries(ctx.db, 1_000_000);
  for (const p of waiting) {
    if (!pendingIntact(ctx.config.audit.key, p)) {
      problems.push({
        code: 'waiting entry changed',
        seq: null,
        entity: p.entity,
        entityId: p.entity_id,
        message: `En väntande post (nr ${p.ord} i kön) för ${p.entity} ${p.entity_id} är ändrad eller inte skriven med den här nyckeln (AUDIT_HMAC_KEY).`
      });
      continue;
    }
    if (p.entity === 'activity' && p.row_hash !== null)
      states.set(p.entity_id, { ord: p.ord, rowHash: p.row_hash });
  }
  return { count: waiting.length, states };
}

const rowChanged = (id: string, where: string): AuditProblem['message'] =>
  `Aktiviteten ${id} skiljer sig från granskningsloggens senaste post för den (${where}): raden är ändrad utan post.`;

/**
 * Compares every activity with the state the trail last recorded for it: a waiting entry's state
 * when there is one, else the newest chained one.
 */
async function checkActivities(
  ctx: Pick<Ctx, 'db'>,
  waiting: WaitingStates,
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
      const w = waiting.get(after);
      const recorded = w?.rowHash ?? rowHash;
      if (recorded === null) {
        notCovered++;
        continue;
      }
      checked++;
      if (activityStateHash(row) !== recorded)
        problems.push({
          code: 'row changed',
          seq: w ? null : seq,
          entity: 'activity',
          entityId: after,
          message: rowChanged(after, w ? `väntande post nr ${w.ord} i kön` : `nr ${seq}`)
        });
    }
    if (page.length < pageSize) break;
  }
  const goneMessage = (id: string, where: string) =>
    `Aktiviteten ${id} finns i granskningsloggen (${where}) men inte i tabellen: raden är borttagen utan post.`;
  for (const gone of await recordedActivitiesMissing(ctx.db)) {
    if (waiting.has(gone.entityId)) continue;
    checked++;
    if (gone.rowHash !== ROW_GONE)
      problems.push({
        code: 'row gone',
        seq: gone.seq,
        entity: 'activity',
        entityId: gone.entityId,
        message: goneMessage(gone.entityId, `post ${gone.seq}`)
      });
  }
  const ids = [...waiting.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const present = await existingActivityIds(ctx.db, part);
    for (const id of part.filter((x) => !present.has(x))) {
      const w = waiting.get(id)!;
      checked++;
      if (w.rowHash !== ROW_GONE)
        problems.push({
          code: 'row gone',
          seq: null,
          entity: 'activity',
          entityId: id,
          message: goneMessage(id, `väntande post nr ${w.ord} i kön`)
        });
    }
  }
  return { checked, notCovered };
}

/**
 * Verifies the whole trail: the keyed chain, the entries waiting to be chained, every checkpoint stored in the database plus the
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
  const waiting = await checkWaiting(ctx, problems);
  const rows = await checkActivities(ctx, waiting.states, problems);
  return {
    ok: problems.length === 0,
    entries: chain.entries,
    checkpointsChecked: all.size,
    rowsChecked: rows.checked,
    rowsNotCovered: rows.notCovered,
    waiting: waiting.count,
    problems
  };
}
