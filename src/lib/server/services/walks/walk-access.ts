import { can, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { agreementOrganisationIds } from '../../db/repositories/agreements/agreement.repository';
import { findWalk } from '../../db/repositories/walks/walk.repository';
import { canEditAgreement } from '../agreements/agreement.service';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../shared/errors';

/**
 * Who does what with walks, as with activities: reporters (and up) of the agreement's
 * organisations see walks and record observations; editors plan, assign and approve.
 */
export type WalkRole = 'editor' | 'reporter';

/** The walk and the actor's role on it; refuses those who are neither (as if it did not exist). */
export async function walkFor(ctx: Ctx, actor: Actor | null, walkId: string, need: WalkRole) {
  if (!actor) throw new UnauthenticatedError();
  const walk = await findWalk(ctx.db, walkId);
  if (!walk) throw new NotFoundError('Vandringen finns inte.');
  const editable = await canEditAgreement(ctx, actor, walk.agreement_id);
  const member =
    editable ||
    can(actor, 'activity.log', await agreementOrganisationIds(ctx.db, walk.agreement_id));
  if (!member) throw new NotFoundError('Vandringen finns inte.');
  if (need === 'editor' && !editable)
    throw new ForbiddenError(
      'Bara redaktörer i överenskommelsens organisationer planerar vandringar, tilldelar iakttagelser och godkänner dem för publicering.'
    );
  return { walk, editable };
}
