import { z } from 'zod';
import { changerId, type Changer } from '../../auth/policy';
import type { Ctx, Executor } from '../../context';
import { newId } from '../../context';
import {
  claimPollSlot,
  ensurePollerRow,
  eventCountsByType,
  eventsBySourceId,
  finishImport,
  insertImport,
  insertPoliceEvent,
  pollCallsSince,
  updatePoliceEvent
} from '../../db/repositories/dialogue/statistics.repository';
import { log } from '../../log';
import { recordAudit } from '../shared/audit.service';
import { assertCanImport } from './crime-statistics.service';
import { ValidationError } from '../shared/errors';

/** The feed's rules: at least this long between calls … */
export const MIN_INTERVAL_MS = 10_000;
/** … and at most this many calls in any hour. */
export const MAX_CALLS_PER_HOUR = 60;
const POLLER = 'polisen';

const event = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  datetime: z.string(),
  name: z.string().default(''),
  summary: z.string().default(''),
  url: z.string().default(''),
  type: z.string().default('Övrigt'),
  location: z.object({ name: z.string().default(''), gps: z.string().nullish() })
});
type FeedEvent = z.output<typeof event>;

/** "2026-11-26 21:14:33 +01:00" (the feed's form) or ISO-8601 → an ISO instant in UTC; null when unreadable. */
export function eventInstant(datetime: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2}):(\d{2})\s*([+-]\d{2}:?\d{2}|Z)?$/.exec(
    datetime.trim()
  );
  if (!m) return null;
  const zone = !m[5] || m[5] === 'Z' ? 'Z' : m[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const t = Date.parse(`${m[1]}T${m[2]!.padStart(2, '0')}:${m[3]}:${m[4]}${zone}`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Parses the feed's JSON (an array of events); names what is wrong when it is not. */
export function parseEventFeed(text: string): { events: FeedEvent[]; skipped: number } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ValidationError([
      { field: 'file', message: 'Filen är inte JSON från polisens händelse-API.' }
    ]);
  }
  if (!Array.isArray(data))
    throw new ValidationError([
      { field: 'file', message: 'Väntade en lista (array) av händelser.' }
    ]);
  const events: FeedEvent[] = [];
  let skipped = 0;
  for (const item of data) {
    const r = event.safeParse(item);
    if (r.success && eventInstant(r.data.datetime)) events.push(r.data);
    else skipped++;
  }
  return { events, skipped };
}

/** Stores events by their source id inside an import: new ones added, changed ones updated. */
async function upsertEvents(
  trx: Executor,
  importId: string,
  events: FeedEvent[],
  at: string,
  demo: boolean
) {
  const stored = new Map(
    (
      await eventsBySourceId(
        trx,
        events.map((e) => e.id)
      )
    ).map((e) => [e.source_id, e])
  );
  let added = 0;
  let updated = 0;
  const seen = new Set<string>();
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    const fields = {
      occurred_at: eventInstant(e.datetime)!,
      name: e.name,
      summary: e.summary,
      url: e.url,
      type: e.type,
      location_name: e.location.name,
      gps: e.location.gps ?? null
    };
    const old = stored.get(e.id);
    if (!old) {
      added++;
      await insertPoliceEvent(trx, {
        id: newId(),
        source_id: e.id,
        demo: demo ? 1 : 0,
        import_id: importId,
        first_seen_at: at,
        updated_at: at,
        ...fields
      });
    } else if (
      old.occurred_at !== fields.occurred_at ||
      old.name !== fields.name ||
      old.summary !== fields.summary ||
      old.type !== fields.type ||
      old.location_name !== fields.location_name
    ) {
      updated++;
      await updatePoliceEvent(trx, old.id, { ...fields, import_id: importId, updated_at: at });
    }
  }
  return { added, updated };
}

/** What an events import or poll did. */
export type EventImportResult = {
  importId: string;
  read: number;
  added: number;
  updated: number;
  skipped: number;
};

async function storeFeed(
  ctx: Ctx,
  importId: string,
  text: string,
  demo: boolean
): Promise<EventImportResult> {
  const { events, skipped } = parseEventFeed(text);
  const at = ctx.now().toISOString();
  const counts = await ctx.db.transaction().execute(async (trx) => {
    const c = await upsertEvents(trx, importId, events, at, demo);
    await finishImport(trx, importId, {
      rows_read: events.length + skipped,
      rows_added: c.added,
      rows_updated: c.updated,
      rows_skipped: skipped
    });
    return c;
  });
  return { importId, read: events.length + skipped, skipped, ...counts };
}

const importRow = (
  ctx: Ctx,
  id: string,
  origin: 'file' | 'poll',
  source: string,
  by: string | null
) => ({
  id,
  kind: 'police-events' as const,
  origin,
  source_name: source.slice(0, 200),
  started_at: ctx.now().toISOString(),
  status: 'ok' as const,
  rows_read: 0,
  rows_added: 0,
  rows_updated: 0,
  rows_skipped: 0,
  message: null,
  created_by: by
});

/** Imports a saved copy of the feed (a JSON file); importing it again adds nothing. */
export async function importPoliceEvents(
  ctx: Ctx,
  actor: Changer,
  file: { name: string; text: string },
  options: { demo?: boolean } = {}
): Promise<EventImportResult> {
  assertCanImport(actor);
  parseEventFeed(file.text);
  const importId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertImport(trx, importRow(ctx, importId, 'file', file.name, changerId(actor)));
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: 'police-events.import',
      entity: 'statistic_import',
      entityId: importId,
      after: { file: file.name }
    });
  });
  return storeFeed(ctx, importId, file.text, !!options.demo);
}

/** Why a poll did not call the feed, or what it got. */
export type PollOutcome =
  | { status: 'off' }
  | { status: 'too-soon' }
  | { status: 'hourly-cap' }
  | { status: 'failed'; importId: string; message: string }
  | ({ status: 'ok' } & EventImportResult);

/** Fetches the feed; injectable so tests can count calls. */
export type FeedFetch = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal }
) => Promise<Response>;

/** The User-Agent the feed sees: Löften (in ASCII, as HTTP headers must be) and a contact. */
export const userAgent = (contact: string | null) =>
  `Loften/1.0 (Loften, medborgarloften; +${contact ?? 'no contact set'})`;

/**
 * Calls the police's events feed once, if its rules allow: at least 10 s since the last call by
 * any app server and fewer than 60 calls in the last hour, both kept in the database. The slot
 * is taken with one conditional UPDATE so two servers never call at once. Every call is
 * recorded as an import with its time and counts (a failed call too: it counts against the cap).
 */
export async function pollPoliceEvents(
  ctx: Ctx,
  options: { force?: boolean; fetch?: FeedFetch } = {}
): Promise<PollOutcome> {
  const cfg = ctx.config.policeEvents;
  if (!cfg.enabled && !options.force) return { status: 'off' };
  const now = ctx.now();
  const importId = newId();
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    await ensurePollerRow(trx, POLLER);
    const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
    if ((await pollCallsSince(trx, hourAgo)) >= MAX_CALLS_PER_HOUR) return 'hourly-cap' as const;
    const latest = new Date(now.getTime() - MIN_INTERVAL_MS).toISOString();
    if (!(await claimPollSlot(trx, POLLER, now.toISOString(), latest))) return 'too-soon' as const;
    await insertImport(trx, importRow(ctx, importId, 'poll', cfg.url, null));
    return 'claimed' as const;
  });
  if (claimed !== 'claimed') return { status: claimed };
  try {
    const res = await (options.fetch ?? fetch)(cfg.url, {
      headers: { 'User-Agent': userAgent(cfg.contact), Accept: 'application/json' },
      signal: AbortSignal.timeout(20_000)
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return { status: 'ok', ...(await storeFeed(ctx, importId, await res.text(), false)) };
  } catch (e) {
    const message =
      e instanceof ValidationError
        ? e.fields.map((f) => f.message).join(' ')
        : e instanceof Error
          ? e.message
          : String(e);
    await finishImport(ctx.db, importId, { status: 'failed', message: message.slice(0, 300) });
    log('warn', 'police-events.poll', { importId, error: message.slice(0, 100) });
    return { status: 'failed', importId, message };
  }
}

/** A municipality's police events per type between two instants (events filtered by location name). */
export async function eventCounts(ctx: Ctx, location: string, from: string, to: string) {
  return (await eventCountsByType(ctx.db, location, from, to)).map((r) => ({
    type: r.type,
    count: Number(r.n)
  }));
}
