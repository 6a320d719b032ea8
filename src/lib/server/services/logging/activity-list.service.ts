import { z } from 'zod';
import { can, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { listActivityRows } from '../../db/repositories/logging/activity.repository';
import {
  agreementIdsOfOrganisations,
  agreementOrganisationIds,
  findAgreement
} from '../../db/repositories/agreements/agreement.repository';
import { presentActivity } from './activity.service';
import { stockholmDate } from '../shared/clock';
import { fieldErrorsFromZod, ForbiddenError, ValidationError } from '../shared/errors';
import { isoDate } from '../shared/validation';

const date = isoDate();

const listInput = z.object({
  agreementId: z.string().optional(),
  measureKey: z.string().optional(),
  from: date.optional(),
  to: date.optional(),
  partyId: z.string().optional(),
  page: z.coerce.number().int().min(1, { message: 'Sidan ska vara 1 eller mer.' }).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, { message: 'Högst 200 per sida.' }).default(50),
  includeDeleted: z.coerce.boolean().default(false),
  /** Only the actor's own activities. */
  mine: z.coerce.boolean().default(false)
});

/**
 * Lists activities, newest first, a page at a time. Members of an agreement's organisations see
 * everything; everyone else only what the publication rules have made public, without place or note.
 */
export async function listActivities(ctx: Ctx, actor: Actor | null, input: unknown) {
  const r = listInput.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  const v = r.data;
  let agreementIds: string[] = [];
  let insider = false;
  if (v.agreementId) {
    if (!(await findAgreement(ctx.db, v.agreementId)))
      throw new ValidationError([
        { field: 'agreementId', message: 'Överenskommelsen finns inte.' }
      ]);
    agreementIds = [v.agreementId];
    insider =
      can(actor, 'activity.log', await agreementOrganisationIds(ctx.db, v.agreementId)) ||
      (!!actor && (await memberOf(ctx, actor, v.agreementId)));
  } else {
    if (!actor)
      throw new ValidationError([
        { field: 'agreementId', message: 'Ange vilken överenskommelse.' }
      ]);
    agreementIds = await agreementIdsOfOrganisations(
      ctx.db,
      actor.memberships.map((m) => m.organisationId)
    );
    insider = true;
  }
  if (v.includeDeleted && !insider)
    throw new ForbiddenError('Borttagna aktiviteter visas bara för parterna.');
  const { rows, total } = await listActivityRows(
    ctx.db,
    {
      agreementIds,
      measureKey: v.measureKey,
      from: v.from,
      to: v.to,
      partyId: v.partyId,
      includeDeleted: v.includeDeleted,
      ...(v.mine && actor ? { createdBy: actor.userId } : {}),

      ...(insider ? {} : { publicOn: stockholmDate(ctx.now()) })
    },
    v.pageSize,
    (v.page - 1) * v.pageSize
  );
  const items = rows
    .map(presentActivity)
    .map((a) =>
      insider ? a : { ...a, note: null, place: a.publication === 'public' ? a.place : null }
    );
  return { items, page: v.page, pageSize: v.pageSize, total };
}

async function memberOf(ctx: Ctx, actor: Actor, agreementId: string): Promise<boolean> {
  const orgs = await agreementOrganisationIds(ctx.db, agreementId);
  return (
    actor.memberships.some((m) => orgs.includes(m.organisationId)) ||
    actor.memberships.some((m) => m.role === 'admin')
  );
}
