import { WALK_KIND_SV } from '../../../core/walks';
import { hashSecret } from '../../auth/tokens';
import type { Ctx } from '../../context';
import {
  findObservation,
  findOwnerLink,
  updatesOf
} from '../../db/repositories/walks/observation.repository';
import { NotFoundError } from '../shared/errors';
import { changeStatus, presentObservation } from './observation.service';
import { existingWalk } from './walk.service';

const GONE = 'Länken finns inte eller har gått ut. Be den som skickade den om en ny.';
const REASSIGNED =
  'Iakttagelsen har fått en annan ägare, så den här länken gäller inte längre. Hör av dig till den som skickade den om du har frågor.';

/** The link for a token, unless unknown or expired (both answer the same: nothing to learn). */
async function linkOf(ctx: Ctx, token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) throw new NotFoundError(GONE);
  const link = await findOwnerLink(ctx.db, hashSecret(token));
  if (!link || link.expires_at <= ctx.now().toISOString()) throw new NotFoundError(GONE);
  const row = await findObservation(ctx.db, link.observation_id);
  if (!row) throw new NotFoundError(GONE);
  // Given to someone else since (another owner, or an organisation with accounts): the link shows
  // nothing more, neither the observation nor who has it now.
  if (row.owner !== link.owner || row.owner_organisation_id !== null)
    throw new NotFoundError(REASSIGNED);
  return { link, row };
}

/** What an owner sees through their link: the observation, where, when due, and its history. */
export async function ownerView(ctx: Ctx, token: string) {
  const { link, row } = await linkOf(ctx, token);
  const walk = await existingWalk(ctx, row.walk_id);
  return {
    owner: link.owner,
    expiresAt: link.expires_at,
    walk: { kindLabel: WALK_KIND_SV[walk.kind], area: walk.area },
    observation: presentObservation(row),
    history: (await updatesOf(ctx.db, row.id)).map((u) => ({
      status: u.status,
      note: u.note,
      at: u.created_at
    }))
  };
}

/** An owner changes the status through the link, without an account. */
export async function ownerUpdate(ctx: Ctx, token: string, input: unknown): Promise<void> {
  const { link, row } = await linkOf(ctx, token);
  await changeStatus(ctx, null, row, input, { link: link.id });
}
