import { z } from 'zod';
import { stockholmDate } from '../../../core/stockholm-date';
import {
  isClosed,
  OBSERVATION_CATEGORY_SV,
  OBSERVATION_STATUS_SV,
  OBSERVATION_STATUSES,
  type ObservationCategory,
  type ObservationStatusCode
} from '../../../core/walks';
import { changerId, type Actor } from '../../auth/policy';
import { hashSecret, newSecret } from '../../auth/tokens';
import type { Ctx, Executor } from '../../context';
import { newId } from '../../context';
import {
  findObservation,
  findObservationByKey,
  insertObservation,
  insertObservationUpdate,
  insertOwnerLink,
  observationsOf,
  overdueObservationRows,
  updateObservationRow,
  updatesOf
} from '../../db/repositories/walks/observation.repository';
import type { WalkObservationTable } from '../../db/schema';
import { auditedChange } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { isoDate, parseInput } from '../shared/validation';
import { observationInput } from './walk.schema';
import { walkFor } from './walk-access';

/** How long an owner link works. */
export const OWNER_LINK_DAYS = 90;

/** An observation as staff see it (the public sees only approved ones, without history authors). */
export type ObservationView = {
  id: string;
  walkId: string;
  category: ObservationCategory;
  categoryLabel: string;
  description: string;
  lat: number | null;
  lng: number | null;
  owner: string | null;
  dueOn: string | null;
  status: ObservationStatusCode;
  statusLabel: string;
  reason: string | null;
  fixedOn: string | null;
  publicApproved: boolean;
  /** A photo is attached (served at /vandringar/foto/{id}). */
  hasPhoto: boolean;
  createdAt: string;
  updatedAt: string;
};

/** Shapes an observation row for output. */
export const presentObservation = (r: WalkObservationTable): ObservationView => ({
  id: r.id,
  walkId: r.walk_id,
  category: r.category as ObservationCategory,
  categoryLabel: OBSERVATION_CATEGORY_SV[r.category as ObservationCategory] ?? r.category,
  description: r.description,
  lat: r.lat === null ? null : Number(r.lat),
  lng: r.lng === null ? null : Number(r.lng),
  owner: r.owner,
  dueOn: r.due_on,
  status: r.status,
  statusLabel: OBSERVATION_STATUS_SV[r.status] ?? r.status,
  reason: r.status_reason,
  fixedOn: r.fixed_on,
  publicApproved: r.public_approved === 1,
  hasPhoto: r.photo_ref !== null,
  createdAt: r.created_at,
  updatedAt: r.updated_at
});

/**
 * Records an observation on a walk (reporters and editors of the agreement's organisations).
 * The same idempotency key again answers with the observation stored the first time, so a
 * phone's queue can send again safely.
 */
export async function recordObservation(
  ctx: Ctx,
  actor: Actor | null,
  walkId: string,
  input: unknown
): Promise<{ observation: ObservationView; created: boolean }> {
  const { walk } = await walkFor(ctx, actor, walkId, 'reporter');
  const v = parseInput(observationInput, input);
  if (v.idempotencyKey) {
    const seen = await findObservationByKey(ctx.db, v.idempotencyKey);
    if (seen) {
      if (seen.walk_id !== walk.id || seen.created_by !== changerId(actor))
        throw new ValidationError([
          { field: 'idempotencyKey', message: 'Nyckeln är redan använd. Skicka en ny.' }
        ]);
      return { observation: presentObservation(seen), created: false };
    }
  }
  const now = ctx.now().toISOString();
  const row: WalkObservationTable = {
    id: newId(),
    walk_id: walk.id,
    category: v.category,
    description: v.description,
    lat: v.lat ?? null,
    lng: v.lng ?? null,
    owner: null,
    owner_organisation_id: null,
    due_on: null,
    status: 'rapporterad',
    status_reason: null,
    fixed_on: null,
    public_approved: 0,
    photo_ref: null,
    idempotency_key: v.idempotencyKey ?? null,
    created_by: changerId(actor),
    created_at: now,
    updated_at: now
  };
  await auditedChange(
    ctx,
    actor,
    {
      action: 'observation.create',
      entity: 'walk_observation',
      entityId: row.id,
      after: { walk: walk.id, category: v.category }
    },
    async (trx) => {
      await insertObservation(trx, row);
      await addHistory(trx, row.id, 'rapporterad', null, { user: changerId(actor) }, now);
    }
  );
  return { observation: presentObservation(row), created: true };
}

/** Adds a line to an observation's history: who (a user, or a link) changed it to what. */
export const addHistory = (
  trx: Executor,
  observationId: string,
  status: ObservationStatusCode,
  note: string | null,
  by: { user?: string | null; link?: string },
  at: string
) =>
  insertObservationUpdate(trx, {
    id: newId(),
    observation_id: observationId,
    status,
    note,
    by_user: by.user ?? null,
    via_link: by.link ?? null,
    created_at: at
  });

/** An observation and its walk, for someone with at least `need` on the walk. */
async function observationFor(
  ctx: Ctx,
  actor: Actor | null,
  id: string,
  need: 'editor' | 'reporter'
) {
  const row = await findObservation(ctx.db, id);
  if (!row) throw new NotFoundError('Iakttagelsen finns inte.');
  await walkFor(ctx, actor, row.walk_id, need);
  return row;
}

/** A walk's observations with their history, for staff. */
export async function walkObservations(ctx: Ctx, actor: Actor | null, walkId: string) {
  await walkFor(ctx, actor, walkId, 'reporter');
  const rows = await observationsOf(ctx.db, walkId);
  return Promise.all(
    rows.map(async (r) => ({
      ...presentObservation(r),
      // Staff only: the organisation with accounts it is given to (not in the public shape).
      ownerOrganisationId: r.owner_organisation_id,
      history: (await updatesOf(ctx.db, r.id)).map((u) => ({
        status: u.status,
        statusLabel: OBSERVATION_STATUS_SV[u.status] ?? u.status,
        note: u.note,
        via: u.via_link ? ('link' as const) : ('staff' as const),
        at: u.created_at
      }))
    }))
  );
}

const assignInput = z.object({
  owner: z
    .string()
    .trim()
    .min(2, {
      message: 'Skriv vem som äger frågan, till exempel Gatukontoret eller Bostadsbolaget.'
    })
    .max(200, { message: 'Ägaren får vara högst 200 tecken.' }),
  dueOn: isoDate('Skriv sista dag som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.')
});

/** A due date may be today or later, in Sweden. */
export function assertDueAhead(ctx: Ctx, dueOn: string): void {
  if (dueOn < stockholmDate(ctx.now()))
    throw new ValidationError([
      { field: 'dueOn', message: 'Sista dag kan inte ha varit. Välj i dag eller senare.' }
    ]);
}

/**
 * Gives an observation a free-text owner and a due date (editors), and makes a link the owner updates it
 * through without an account. The token is answered once; only its hash is stored.
 */
export async function assignObservation(
  ctx: Ctx,
  actor: Actor | null,
  id: string,
  input: unknown
): Promise<{ token: string; expiresAt: string }> {
  const before = await observationFor(ctx, actor, id, 'editor');
  const v = parseInput(assignInput, input);
  assertDueAhead(ctx, v.dueOn);
  const token = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + OWNER_LINK_DAYS * 86_400_000).toISOString();
  await auditedChange(
    ctx,
    actor,
    {
      action: 'observation.assign',
      entity: 'walk_observation',
      entityId: id,
      before: {
        owner: before.owner,
        ownerOrganisationId: before.owner_organisation_id,
        dueOn: before.due_on
      },
      after: { owner: v.owner, ownerOrganisationId: null, dueOn: v.dueOn }
    },
    async (trx) => {
      await updateObservationRow(trx, id, {
        owner: v.owner,
        // A free-text owner: the organisation that had it no longer sees it.
        owner_organisation_id: null,
        due_on: v.dueOn,
        updated_at: now.toISOString()
      });
      await insertOwnerLink(trx, {
        id: newId(),
        token_hash: hashSecret(token),
        observation_id: id,
        owner: v.owner,
        expires_at: expiresAt,
        created_by: changerId(actor),
        created_at: now.toISOString()
      });
      await addHistory(
        trx,
        id,
        before.status,
        `Ägare: ${v.owner}, klart senast ${v.dueOn}.`,
        { user: changerId(actor) },
        now.toISOString()
      );
    }
  );
  return { token, expiresAt };
}

export const statusInput = z
  .object({
    status: z.enum(OBSERVATION_STATUSES, {
      message: 'Välj rapporterad, accepterad, pågår, åtgärdad eller åtgärdas inte.'
    }),
    note: z.string().trim().max(2000, { message: 'Högst 2000 tecken.' }).default('')
  })
  .superRefine((v, c) => {
    if (v.status === 'åtgärdas inte' && v.note.length < 3)
      c.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'Skriv varför det inte åtgärdas: de som bor i området läser svaret.'
      });
  });

/** The change of status both staff and owners make; every change goes in the history and the audit trail. */
export async function changeStatus(
  ctx: Ctx,
  actor: Actor | null,
  before: WalkObservationTable,
  input: unknown,
  via: { link?: string; organisation?: string }
): Promise<void> {
  const v = parseInput(statusInput, input);
  const now = ctx.now();
  const closed = isClosed(v.status);
  await auditedChange(
    ctx,
    actor,
    {
      action: 'observation.status',
      entity: 'walk_observation',
      entityId: before.id,
      before: { status: before.status },
      after: {
        status: v.status,
        viaLink: via.link ?? null,
        ...(via.organisation ? { viaOrganisation: via.organisation } : {})
      }
    },
    async (trx) => {
      await updateObservationRow(trx, before.id, {
        status: v.status,
        // What was done, or why not: the public protocol shows it.
        status_reason: v.note || (closed ? before.status_reason : null),
        fixed_on: v.status === 'åtgärdad' ? stockholmDate(now) : null,
        updated_at: now.toISOString()
      });
      await addHistory(
        trx,
        before.id,
        v.status,
        v.note || null,
        { user: changerId(actor), link: via.link },
        now.toISOString()
      );
    }
  );
}

/** An editor changes an observation's status. */
export async function updateObservationStatus(
  ctx: Ctx,
  actor: Actor | null,
  id: string,
  input: unknown
): Promise<void> {
  await changeStatus(ctx, actor, await observationFor(ctx, actor, id, 'editor'), input, {});
}

/** An editor approves an observation for the public protocol (or takes the approval back). */
export async function setObservationPublic(
  ctx: Ctx,
  actor: Actor | null,
  id: string,
  approved: boolean
): Promise<void> {
  await observationFor(ctx, actor, id, 'editor');
  await auditedChange(
    ctx,
    actor,
    {
      action: approved ? 'observation.approve' : 'observation.unapprove',
      entity: 'walk_observation',
      entityId: id
    },
    (trx) =>
      updateObservationRow(trx, id, {
        public_approved: approved ? 1 : 0,
        updated_at: ctx.now().toISOString()
      })
  );
}

/**
 * Open observations past their due date, of agreements the organisations are parties to: for
 * "what is due" (services/follow-up/due.service.ts) to list beside measures.
 */
export async function overdueObservations(ctx: Ctx, orgIds: string[], today: string) {
  const rows = await overdueObservationRows(ctx.db, orgIds, today);
  return rows.map((r) => ({
    id: r.id,
    walkId: r.walk_id,
    agreementId: r.agreement_id,
    area: r.area,
    categoryLabel: OBSERVATION_CATEGORY_SV[r.category as ObservationCategory] ?? r.category,
    description: r.description,
    owner: r.owner,
    dueOn: r.due_on!,
    status: r.status,
    href: `/avtal/${r.agreement_id}/vandringar/${r.walk_id}#iakttagelse-${r.id}`
  }));
}

/**
 * The overdue observations of the actor's organisations' agreements (admins: of every
 * organisation they are members of), as of today in Sweden: what "what is due" lists.
 */
export const overdueObservationsFor = (ctx: Ctx, actor: Actor) =>
  overdueObservations(
    ctx,
    actor.memberships.map((m) => m.organisationId),
    stockholmDate(ctx.now())
  );
