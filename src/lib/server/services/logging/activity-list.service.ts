import { z } from 'zod';
import { can, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  internalMeasureKeys,
  listActivityRows
} from '../../db/repositories/logging/activity.repository';
import {
  agreementIdsOfOrganisations,
  agreementOrganisationIds
} from '../../db/repositories/agreements/agreement.repository';
import { presentActivity } from './activity.service';
import { assertAgreementVisible } from '../agreements/agreement-consent.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { fieldErrorsFromZod, ForbiddenError, ValidationError } from '../shared/errors';
import { isoDate, optionalParam, strictBoolean, strictInt } from '../shared/validation';

const date = isoDate();
const text = z.string({ message: 'Ange en text, en gång.' });

// Strict: `includeDeleted=false` is false, `page=1e3` and `page=0x10` are refused by name, a
// parameter given twice is refused, and unknown parameters are named rather than ignored.
export const listInput = z.strictObject(
  {
    agreementId: optionalParam(text),
    measureKey: optionalParam(text),
    from: optionalParam(date),
    to: optionalParam(date),
    partyId: optionalParam(text),
    page: optionalParam(
      strictInt(
        z
          .number({ message: 'Skriv sidan som ett heltal, till exempel 2.' })
          .int({ message: 'Skriv sidan som ett heltal, till exempel 2.' })
          .min(1, { message: 'Sidan ska vara 1 eller mer.' })
      )
    ).transform((v) => v ?? 1),
    pageSize: optionalParam(
      strictInt(
        z
          .number({ message: 'Skriv sidstorleken som ett heltal, till exempel 50.' })
          .int({ message: 'Skriv sidstorleken som ett heltal, till exempel 50.' })
          .min(1, { message: 'Minst 1 per sida.' })
          .max(200, { message: 'Högst 200 per sida.' })
      )
    ).transform((v) => v ?? 50),
    includeDeleted: optionalParam(
      strictBoolean('includeDeleted ska vara true eller false.')
    ).transform((v) => v ?? false),
    /** Only the actor's own activities. */
    mine: optionalParam(strictBoolean('mine ska vara true eller false.')).transform(
      (v) => v ?? false
    )
  },
  {
    error: (i) =>
      i.code === 'unrecognized_keys' ? `Okänd parameter: ${i.keys.join(', ')}.` : undefined
  }
);

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
  let hidden: string[] = [];
  if (v.agreementId) {
    // A draft the actor is not party to answers exactly like a missing id (404), so the answer
    // does not tell which drafts there are.
    await assertAgreementVisible(ctx, actor, v.agreementId);
    agreementIds = [v.agreementId];
    insider =
      can(actor, 'activity.log', await agreementOrganisationIds(ctx.db, v.agreementId)) ||
      (!!actor && (await memberOf(ctx, actor, v.agreementId)));
    // Internal measures are never public, on any channel: outsiders get none of their activities.
    if (!insider) hidden = await internalMeasureKeys(ctx.db, v.agreementId);
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

      ...(insider ? {} : { publicOn: stockholmDate(ctx.now()), excludeMeasureKeys: hidden })
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
