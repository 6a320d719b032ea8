import { z } from 'zod';
import { stockholmDate } from '../../../core/stockholm-date';
import {
  fixedWithinDue,
  WALK_KIND_SV,
  WALK_KINDS,
  type FixedInTime,
  type ObservationStatusCode,
  type WalkKindCode
} from '../../../core/walks';
import { changerId, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import { observationsOf } from '../../db/repositories/walks/observation.repository';
import {
  findWalk,
  insertWalk,
  tipsOf,
  updateWalkRow,
  walksOf
} from '../../db/repositories/walks/walk.repository';
import type { PublicEventKind, WalkStatus, WalkTable } from '../../db/schema';
import { getAgreementForActor } from '../agreements/agreement-view.service';
import { logActivity } from '../logging/activity.service';
import { createEvent, getEvent, setEventCancelled } from '../publication/event.service';
import { auditedChange } from '../shared/audit.service';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { isoDate, parseInput } from '../shared/validation';
import { walkFor } from './walk-access';

/** The event a walk is announced as: its own kind, so a round is never listed as "Annat". */
const WALK_EVENT_KIND: Record<WalkKindCode, PublicEventKind> = {
  trygghetsvandring: 'safety-walk',
  dorrknackning: 'door-knocking',
  nattvandring: 'night-walking'
};

/** A walk as staff pages, the public page and the API show it (times in Swedish time). */
export type WalkView = {
  id: string;
  agreementId: string;
  measureKey: string;
  kind: WalkKindCode;
  kindLabel: string;
  area: string;
  meetingPoint: string;
  startsAt: string;
  endsAt: string;
  date: string;
  startTime: string;
  endTime: string;
  invitedGroups: string[];
  status: WalkStatus;
};

const hhmm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit'
});

/** Shapes a walk row for output. */
export const presentWalk = (r: WalkTable): WalkView => ({
  id: r.id,
  agreementId: r.agreement_id,
  measureKey: r.measure_key,
  kind: r.kind,
  kindLabel: WALK_KIND_SV[r.kind] ?? r.kind,
  area: r.area,
  meetingPoint: r.meeting_point,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  date: stockholmDate(new Date(r.starts_at)),
  startTime: hhmm.format(new Date(r.starts_at)),
  endTime: hhmm.format(new Date(r.ends_at)),
  invitedGroups: JSON.parse(r.invited_groups) as string[],
  status: r.status
});

const walkInput = z.object({
  measureKey: z.string().trim().min(1, { message: 'Välj vilken åtgärd vandringen hör till.' }),
  kind: z.enum(WALK_KINDS, {
    message: 'Välj trygghetsvandring, dörrknackning eller nattvandring.'
  }),
  area: z
    .string()
    .trim()
    .min(2, { message: 'Skriv vilket område ni går i, till exempel Centrum.' })
    .max(200, { message: 'Området får vara högst 200 tecken.' }),
  meetingPoint: z
    .string()
    .trim()
    .min(2, { message: 'Skriv var ni samlas, till exempel Torget vid biblioteket.' })
    .max(300, { message: 'Mötesplatsen får vara högst 300 tecken.' }),
  date: isoDate('Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-03.'),
  startTime: z.string(),
  endTime: z.string(),
  invitedGroups: z
    .string()
    .max(1000, { message: 'Skriv högst 1000 tecken om vilka som bjuds in.' })
    .default('')
});

/** The measures of an agreement a walk can belong to (key and title, the current plan). */
export async function walkableMeasures(ctx: Ctx, actor: Actor | null, agreementId: string) {
  const { view, editable, member } = await getAgreementForActor(ctx, actor, agreementId);
  if (!member) throw new NotFoundError('Överenskommelsen finns inte.');
  const measures = (view.revision?.groups ?? []).flatMap((g) =>
    g.measures.map((m) => ({ key: m.key, title: m.title }))
  );
  return {
    agreement: { id: view.id, title: view.title, code: view.municipalities[0]?.code ?? '' },
    measures,
    editable
  };
}

/**
 * Plans a walk on a measure and announces it: the walk's public event (on the municipality's page
 * and in its calendar) is made through the events service, so there is one source for both.
 */
export async function planWalk(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  input: unknown
): Promise<{ id: string }> {
  const { measures, editable } = await walkableMeasures(ctx, actor, agreementId);
  if (!editable) throw new ForbiddenError('Bara överenskommelsens redaktörer planerar vandringar.');
  const v = parseInput(walkInput, input);
  if (!measures.some((m) => m.key === v.measureKey))
    throw new ValidationError([
      { field: 'measureKey', message: 'Åtgärden finns inte i planen. Välj en åtgärd i listan.' }
    ]);
  const groups = v.invitedGroups
    .split(/[\n,;]/)
    .map((g) => g.trim())
    .filter(Boolean);
  const id = newId();
  const kindLabel = WALK_KIND_SV[v.kind];
  const event = await createEvent(ctx, actor, agreementId, {
    title: `${kindLabel}: ${v.area}`,
    kind: WALK_EVENT_KIND[v.kind],
    date: v.date,
    startTime: v.startTime,
    endTime: v.endTime,
    place: v.meetingPoint,
    description: [
      `${kindLabel} i ${v.area}. Vi samlas vid ${v.meetingPoint}.`,
      groups.length ? `Välkomna: ${groups.join(', ')}.` : '',
      'Du kan peka ut platser vi ska titta på före vandringen, på kommunens sida om medborgarlöftet.'
    ]
      .filter(Boolean)
      .join(' ')
  });
  const e = await getEvent(ctx, agreementId, event.id);
  const now = ctx.now().toISOString();
  const row: WalkTable = {
    id,
    agreement_id: agreementId,
    measure_key: v.measureKey,
    kind: v.kind,
    area: v.area,
    meeting_point: v.meetingPoint,
    starts_at: e.startsAt,
    ends_at: e.endsAt,
    invited_groups: JSON.stringify(groups),
    status: 'planned',
    event_id: event.id,
    activity_id: null,
    created_by: changerId(actor),
    created_at: now,
    updated_at: now
  };
  await auditedChange(
    ctx,
    actor,
    {
      action: 'walk.plan',
      entity: 'walk',
      entityId: id,
      after: { measure: v.measureKey, kind: v.kind, area: v.area, startsAt: e.startsAt }
    },
    (trx) => insertWalk(trx, row)
  );
  return { id };
}

/** The walks of an agreement for its staff, soonest first. */
export async function listWalks(ctx: Ctx, actor: Actor | null, agreementId: string) {
  const m = await walkableMeasures(ctx, actor, agreementId);
  const walks = (await walksOf(ctx.db, [agreementId])).map(presentWalk);
  const titles = new Map(m.measures.map((x) => [x.key, x.title]));
  return {
    ...m,
    walks: walks.map((w) => ({ ...w, measureTitle: titles.get(w.measureKey) ?? w.measureKey }))
  };
}

/** The indicator of a set of observation rows on a day. */
export const indicatorOf = (
  rows: { status: ObservationStatusCode; due_on: string | null; fixed_on: string | null }[],
  today: string
): FixedInTime =>
  fixedWithinDue(
    rows.map((r) => ({ status: r.status, dueOn: r.due_on, fixedOn: r.fixed_on })),
    today
  );

/** The share of a walk's observations fixed within their due date (all of them, for staff). */
export async function walkIndicator(ctx: Ctx, walkId: string): Promise<FixedInTime> {
  return indicatorOf(await observationsOf(ctx.db, walkId), stockholmDate(ctx.now()));
}

/** A walk with its tips, for staff (observations come from the observation service). */
export async function getWalk(ctx: Ctx, actor: Actor | null, walkId: string) {
  const { walk, editable } = await walkFor(ctx, actor, walkId, 'reporter');
  const tips = await tipsOf(ctx.db, walkId);
  return {
    walk: presentWalk(walk),
    editable,
    tips: tips.map((t) => ({
      id: t.id,
      description: t.description,
      lat: t.lat,
      lng: t.lng,
      createdAt: t.created_at
    })),
    indicator: await walkIndicator(ctx, walkId)
  };
}

/**
 * Marks a walk as held: it is logged as one activity of its measure (through the logging
 * service, so it counts in the follow-up like any other). Held again answers with the same activity.
 * With `demo` (the demo seed only) that activity carries the demo mark.
 */
export async function markWalkHeld(
  ctx: Ctx,
  actor: Actor | null,
  walkId: string,
  options: { demo?: boolean } = {}
): Promise<void> {
  const { walk } = await walkFor(ctx, actor, walkId, 'editor');
  if (walk.status === 'held') return;
  if (walk.status === 'cancelled')
    throw new ValidationError([{ field: 'walk', message: 'Vandringen är inställd.' }]);
  const day = stockholmDate(new Date(walk.starts_at));
  if (day > stockholmDate(ctx.now()))
    throw new ValidationError([
      {
        field: 'walk',
        message: `Vandringen är planerad till ${day}. Markera den som genomförd när den har ägt rum.`
      }
    ]);
  const { view } = await getAgreementForActor(
    ctx,
    actor,
    walk.agreement_id,
    Number(day.slice(0, 4))
  );
  const measure = (view.revision?.groups ?? [])
    .flatMap((g) => g.measures)
    .find((m) => m.key === walk.measure_key);
  if (!measure)
    throw new ValidationError([
      {
        field: 'walk',
        message: 'Åtgärden finns inte i planen för det året. Logga aktiviteten för hand.'
      }
    ]);
  const { activity } = await logActivity(
    ctx,
    actor,
    {
      measureId: measure.id,
      date: day,
      count: 1,
      place: walk.area.slice(0, 200),
      note: `${WALK_KIND_SV[walk.kind]} i ${walk.area}`,
      idempotencyKey: `walk:${walk.id}`
    },
    options
  );
  await auditedChange(
    ctx,
    actor,
    { action: 'walk.held', entity: 'walk', entityId: walk.id, after: { activity: activity.id } },
    (trx) =>
      updateWalkRow(trx, walk.id, {
        status: 'held',
        activity_id: activity.id,
        updated_at: ctx.now().toISOString()
      })
  );
}

/** Cancels a planned walk; its event is marked cancelled too (it stays listed). */
export async function cancelWalk(ctx: Ctx, actor: Actor | null, walkId: string): Promise<void> {
  const { walk } = await walkFor(ctx, actor, walkId, 'editor');
  if (walk.status !== 'planned')
    throw new ValidationError([
      { field: 'walk', message: 'Bara en planerad vandring kan ställas in.' }
    ]);
  if (walk.event_id) await setEventCancelled(ctx, actor, walk.agreement_id, walk.event_id, true);
  await auditedChange(
    ctx,
    actor,
    { action: 'walk.cancel', entity: 'walk', entityId: walk.id },
    (trx) =>
      updateWalkRow(trx, walk.id, { status: 'cancelled', updated_at: ctx.now().toISOString() })
  );
}

/** A walk row or NotFoundError (for the public and owner services). */
export async function existingWalk(ctx: Ctx, walkId: string) {
  const walk = await findWalk(ctx.db, walkId);
  if (!walk) throw new NotFoundError('Vandringen finns inte.');
  return walk;
}
