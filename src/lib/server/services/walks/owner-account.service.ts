import { z } from 'zod';
import { stockholmDate } from '../../../core/stockholm-date';
import {
  isClosed,
  OBSERVATION_CATEGORY_SV,
  OBSERVATION_STATUS_SV,
  WALK_KIND_SV,
  type ObservationCategory
} from '../../../core/walks';
import { changerId, hasRoleInAny, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findOrganisation } from '../../db/repositories/accounts/organisation.repository';
import {
  findObservation,
  updateObservationRow,
  updatesOf
} from '../../db/repositories/walks/observation.repository';
import {
  openObservationsOfOwners,
  ownerOrganisationsOf
} from '../../db/repositories/walks/owner-account.repository';
import { findWalk } from '../../db/repositories/walks/walk.repository';
import { displayName } from '../accounts/organisation.service';
import { auditedChange } from '../shared/audit.service';
import {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError
} from '../shared/errors';
import { isoDate, parseInput } from '../shared/validation';
import {
  addHistory,
  assertDueAhead,
  assignObservation,
  changeStatus,
  presentObservation
} from './observation.service';
import { walkFor } from './walk-access';

/**
 * Owners with an account (issue 18, item 3): an editor may give an observation to one of the
 * agreement's parties that has accounts; its members (reporter and up) then see it on "what is
 * due" and change its status, signed in. Viewers only see it. Owners without an account keep
 * their link (owner-link.service.ts).
 */

/** An organisation an observation can be given to. */
export type OwnerOrganisation = { id: string; name: string };

/**
 * The organisations an editor may give an observation of this walk to: the agreement's parties
 * (municipalities, police area, collaborating parties) where someone can sign in and update it.
 * Not every organisation on the instance: that list would hold hundreds of names, most of them
 * other municipalities' and their parties', and a wrong pick would show the observation to strangers.
 */
export async function ownerOrganisationChoices(
  ctx: Ctx,
  actor: Actor | null,
  walkId: string
): Promise<OwnerOrganisation[]> {
  const { walk } = await walkFor(ctx, actor, walkId, 'editor');
  return (await ownerOrganisationsOf(ctx.db, walk.agreement_id)).map((o) => ({
    id: o.id,
    name: displayName(o)
  }));
}

const assignInput = z.object({
  ownerOrganisationId: z.string().trim().max(100).default(''),
  owner: z
    .string()
    .trim()
    .max(200, { message: 'Ägaren får vara högst 200 tecken.' })
    .refine((s) => s === '' || s.length >= 2, { message: 'Skriv minst två tecken.' })
    .default(''),
  dueOn: isoDate('Skriv sista dag som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.')
});

/** What assigning gave: a link to send (free-text owner) or an organisation that sees it. */
export type AssignResult =
  | { kind: 'link'; token: string; expiresAt: string }
  | { kind: 'organisation'; organisation: OwnerOrganisation };

/**
 * Gives an observation an owner and a due date (editors). With `ownerOrganisationId` the owner is
 * an organisation with accounts: no link is made, its members update it signed in, and the owner
 * text shown in public is the organisation's name unless the editor writes another (a department,
 * say). Without it the owner is free text and gets a link, as before.
 */
export async function assignOwner(
  ctx: Ctx,
  actor: Actor | null,
  id: string,
  input: unknown
): Promise<AssignResult> {
  const row = await findObservation(ctx.db, id);
  if (!row) throw new NotFoundError('Iakttagelsen finns inte.');
  const { walk } = await walkFor(ctx, actor, row.walk_id, 'editor');
  const picked = (input as { ownerOrganisationId?: unknown } | null)?.ownerOrganisationId;
  // No organisation picked: a free-text owner with a link, as before (its own rules and words).
  if (typeof picked !== 'string' || picked.trim() === '')
    return { kind: 'link', ...(await assignObservation(ctx, actor, id, input)) };
  const v = parseInput(assignInput, input);
  const organisation = (await ownerOrganisationsOf(ctx.db, walk.agreement_id))
    .map((o) => ({ id: o.id, name: displayName(o) }))
    .find((o) => o.id === v.ownerOrganisationId);
  if (!organisation)
    throw new ValidationError([
      {
        field: 'ownerOrganisationId',
        message:
          'Välj en organisation i listan (överenskommelsens parter med konto), eller välj ”Ingen” och skriv ägaren.'
      }
    ]);
  assertDueAhead(ctx, v.dueOn);
  const owner = v.owner || organisation.name;
  const now = ctx.now().toISOString();
  await auditedChange(
    ctx,
    actor,
    {
      action: 'observation.assign',
      entity: 'walk_observation',
      entityId: id,
      before: {
        owner: row.owner,
        ownerOrganisationId: row.owner_organisation_id,
        dueOn: row.due_on
      },
      after: { owner, ownerOrganisationId: organisation.id, dueOn: v.dueOn }
    },
    async (trx) => {
      await updateObservationRow(trx, id, {
        owner,
        owner_organisation_id: organisation.id,
        due_on: v.dueOn,
        updated_at: now
      });
      await addHistory(
        trx,
        id,
        row.status,
        `Ägare: ${owner}, klart senast ${v.dueOn}. ${organisation.name} uppdaterar under Att göra.`,
        { user: changerId(actor) },
        now
      );
    }
  );
  return { kind: 'organisation', organisation };
}

/**
 * The observation, for a member of the organisation it is given to: any role sees it, `reporter`
 * (and up) may change it. Anyone else is told it does not exist, as with walks.
 */
async function ownedObservationFor(
  ctx: Ctx,
  actor: Actor | null,
  id: string,
  need: 'viewer' | 'reporter'
) {
  if (!actor) throw new UnauthenticatedError();
  const row = /^[\w-]{1,100}$/.test(id) ? await findObservation(ctx.db, id) : undefined;
  const orgId = row?.owner_organisation_id;
  if (!row || !orgId || !hasRoleInAny(actor, [orgId], 'viewer'))
    throw new NotFoundError('Iakttagelsen finns inte, eller är inte tilldelad din organisation.');
  if (need === 'reporter' && !hasRoleInAny(actor, [orgId], 'reporter'))
    throw new ForbiddenError(
      'Du kan se iakttagelsen men inte ändra den. Be en administratör i din organisation om rollen rapportör.'
    );
  return { row, organisationId: orgId };
}

const overdue = (dueOn: string | null, today: string) => dueOn !== null && dueOn < today;

/**
 * The open observations given to the actor's organisations, earliest due first (those past due
 * come first), for "what is due": `canUpdate` is false for a viewer.
 */
export async function assignedObservationsFor(ctx: Ctx, actor: Actor) {
  const today = stockholmDate(ctx.now());
  const rows = await openObservationsOfOwners(
    ctx.db,
    actor.memberships.map((m) => m.organisationId)
  );
  return rows.map((r) => ({
    id: r.id,
    categoryLabel: OBSERVATION_CATEGORY_SV[r.category as ObservationCategory] ?? r.category,
    description: r.description,
    walkLabel: `${WALK_KIND_SV[r.kind]}, ${r.area}`,
    organisation: displayName({ name: r.organisation_name, kind: r.organisation_kind }),
    dueOn: r.due_on,
    overdue: overdue(r.due_on, today),
    status: r.status,
    statusLabel: OBSERVATION_STATUS_SV[r.status] ?? r.status,
    canUpdate: hasRoleInAny(actor, [r.owner_organisation_id ?? ''], 'reporter'),
    href: `/vandringar/iakttagelser/${r.id}`
  }));
}

/** One observation given to the actor's organisation: what, where, when due, and its history. */
export async function assignedObservation(ctx: Ctx, actor: Actor | null, id: string) {
  const { row, organisationId } = await ownedObservationFor(ctx, actor, id, 'viewer');
  const walk = await findWalk(ctx.db, row.walk_id);
  if (!walk) throw new NotFoundError('Iakttagelsen finns inte.');
  const org = await findOrganisation(ctx.db, organisationId);
  return {
    observation: presentObservation(row),
    walk: { kindLabel: WALK_KIND_SV[walk.kind], area: walk.area },
    organisation: org ? displayName(org) : organisationId,
    overdue: overdue(row.due_on, stockholmDate(ctx.now())) && !isClosed(row.status),
    canUpdate: hasRoleInAny(actor, [organisationId], 'reporter'),
    history: (await updatesOf(ctx.db, row.id)).map((u) => ({
      status: u.status,
      statusLabel: OBSERVATION_STATUS_SV[u.status] ?? u.status,
      note: u.note,
      at: u.created_at
    }))
  };
}

/** A member (reporter and up) of the owner organisation changes the status, with the same rules as staff. */
export async function updateAssignedObservation(
  ctx: Ctx,
  actor: Actor | null,
  id: string,
  input: unknown
): Promise<void> {
  const { row, organisationId } = await ownedObservationFor(ctx, actor, id, 'reporter');
  await changeStatus(ctx, actor, row, input, { organisation: organisationId });
}
