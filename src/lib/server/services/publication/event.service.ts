import { z } from 'zod';
import { changerId, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  eventsOf,
  findEvent,
  insertEvent,
  updateEventRow
} from '../../db/repositories/publication/public-event.repository';
import type { PublicEventKind, PublicEventTable } from '../../db/schema';
import { assertCanEdit } from '../agreements/agreement.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { recordAudit } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { stockholmInstant } from '../../../core/stockholm-time';
import { isoDate, parseInput } from '../shared/validation';

/** The kinds of events residents can join, in code and in Swedish. */
export const EVENT_KINDS = [
  'safety-walk',
  'door-knocking',
  'night-walking',
  'open-meeting',
  'other'
] as const;
export const EVENT_KIND_SV: Record<PublicEventKind, string> = {
  'safety-walk': 'Trygghetsvandring',
  'door-knocking': 'Dörrknackning',
  'night-walking': 'Nattvandring',
  'open-meeting': 'Öppet möte',
  other: 'Annat'
};

/** An event as pages, the editor and the iCalendar feed show it (times in Swedish time). */
export type PublicEvent = {
  id: string;
  agreementId: string;
  title: string;
  kind: PublicEventKind;
  kindLabel: string;
  startsAt: string;
  endsAt: string;
  /** Swedish calendar date and 'HH:MM' times. */
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  description: string;
  cancelled: boolean;
  updatedAt: string;
  /** Revisions since creation, for calendar apps (iCalendar SEQUENCE). */
  sequence: number;
};

const time = (label: string) =>
  z.string().regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, {
    message: `Skriv ${label} som TT:MM, till exempel 18:30.`
  });

const eventInput = z
  .object({
    title: z.string().trim().min(1, { message: 'Skriv vad evenemanget heter.' }).max(200),
    kind: z.enum(EVENT_KINDS, {
      message: 'Välj trygghetsvandring, dörrknackning, nattvandring, öppet möte eller annat.'
    }),
    date: isoDate('Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-03.'),
    startTime: time('starttiden'),
    endTime: time('sluttiden'),
    place: z.string().trim().min(1, { message: 'Skriv var evenemanget hålls.' }).max(300),
    description: z.string().trim().max(4000).default('')
  })
  .refine((v) => v.endTime.replace('.', ':') > v.startTime.replace('.', ':'), {
    path: ['endTime'],
    message: 'Sluttiden måste vara efter starttiden.'
  });

const hhmm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit'
});
const day = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit'
});

/** The instant a Swedish date and 'HH:MM' time denote. */
function instantOf(date: string, hm: string): string {
  const [h, m] = hm.split(/[:.]/).map(Number);
  return new Date(stockholmInstant(date, h!).getTime() + m! * 60_000).toISOString();
}

/** Shapes an event row for pages and feeds. */
export function presentEvent(r: PublicEventTable): PublicEvent {
  const start = new Date(r.starts_at);
  return {
    id: r.id,
    agreementId: r.agreement_id,
    title: r.title,
    kind: r.kind,
    kindLabel: EVENT_KIND_SV[r.kind] ?? r.kind,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    date: day.format(start),
    startTime: hhmm.format(start),
    endTime: hhmm.format(new Date(r.ends_at)),
    place: r.place,
    description: r.description,
    cancelled: r.cancelled_at !== null,
    updatedAt: r.updated_at,
    sequence: r.sequence ?? 0
  };
}

/**
 * The instant of a Swedish date and time, or a field error when that wall-clock time does not
 * exist (the hour skipped when summer time starts: 02:00–02:59 on the last Sunday of March).
 */
function existingInstant(date: string, hm: string, field: 'startTime' | 'endTime'): string {
  const at = instantOf(date, hm);
  if (hhmm.format(new Date(at)) !== hm.replace('.', ':'))
    throw new ValidationError([
      {
        field,
        message: `Klockan ${hm.replace('.', ':')} finns inte den ${date}: klockan ställs fram från 02:00 till 03:00 när sommartiden börjar. Välj en tid från 03:00.`
      }
    ]);
  return at;
}

function fields(input: unknown) {
  const v = parseInput(eventInput, input);
  return {
    title: v.title,
    kind: v.kind,
    starts_at: existingInstant(v.date, v.startTime, 'startTime'),
    ends_at: existingInstant(v.date, v.endTime, 'endTime'),
    place: v.place,
    description: v.description
  };
}

/** Creates an event of an agreement; only its editors may. */
export async function createEvent(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<{ id: string }> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = fields(input);
  const id = newId();
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertEvent(trx, {
      id,
      agreement_id: agreementId,
      ...v,
      cancelled_at: null,
      created_by: changerId(actor),
      created_at: now,
      updated_at: now,
      sequence: 0
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: 'event.create',
      entity: 'public_event',
      entityId: id,
      after: v
    });
  });
  return { id };
}

async function existing(ctx: Ctx, agreementId: string, eventId: string) {
  const row = await findEvent(ctx.db, agreementId, eventId);
  if (!row) throw new NotFoundError('Evenemanget finns inte.');
  return row;
}

/** Changes an event's title, kind, time, place or description. */
export async function updateEvent(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  eventId: string,
  input: unknown
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const before = await existing(ctx, agreementId, eventId);
  const v = fields(input);
  await ctx.db.transaction().execute(async (trx) => {
    await updateEventRow(trx, eventId, {
      ...v,
      updated_at: ctx.now().toISOString(),
      sequence: before.sequence + 1
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: 'event.update',
      entity: 'public_event',
      entityId: eventId,
      before,
      after: v
    });
  });
}

/** Cancels an event (or takes the cancellation back); it stays listed, marked as cancelled. */
export async function setEventCancelled(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  eventId: string,
  cancelled: boolean
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const before = await existing(ctx, agreementId, eventId);
  if ((before.cancelled_at !== null) === cancelled)
    throw new ValidationError([
      {
        field: 'event',
        message: cancelled ? 'Evenemanget är redan inställt.' : 'Evenemanget är inte inställt.'
      }
    ]);
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateEventRow(trx, eventId, {
      cancelled_at: cancelled ? now : null,
      updated_at: now,
      sequence: before.sequence + 1
    });
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: null,
      action: cancelled ? 'event.cancel' : 'event.restore',
      entity: 'public_event',
      entityId: eventId
    });
  });
}

/** One event of an agreement, for its edit form. */
export async function getEvent(ctx: Ctx, agreementId: string, eventId: string) {
  return presentEvent(await existing(ctx, agreementId, eventId));
}

/**
 * Events of agreements, soonest first: with `upcoming`, those ending today or later; with
 * `since` (a Swedish date), those ending on or after it. Cancelled ones are included, so people
 * who planned to come learn of it. Callers pass published agreements only.
 */
export async function listEvents(
  ctx: Ctx,
  agreementIds: string[],
  options: { upcoming?: boolean; since?: string; limit?: number; offset?: number } = {}
): Promise<PublicEvent[]> {
  // By the Swedish day, not the instant: the page stays the same all day (see public-cache).
  const since = options.since ?? (options.upcoming ? stockholmDate(ctx.now()) : undefined);
  const rows = await eventsOf(ctx.db, agreementIds, {
    endsAfter: since ? stockholmInstant(since, 0).toISOString() : undefined,
    limit: options.limit ?? 100,
    offset: options.offset
  });
  return rows.map(presentEvent);
}
