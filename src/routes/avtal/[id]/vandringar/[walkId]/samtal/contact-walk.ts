import type { Actor } from '$lib/server/auth/policy';
import type { Ctx } from '$lib/server/context';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { getWalk, walkableMeasures } from '$lib/server/services/walks/walk.service';

/**
 * The walk of the address, for its staff: it must belong to the agreement in the address (the
 * same 404 as a missing one otherwise), as on the walk's own page.
 */
export async function contactWalk(
  ctx: Ctx,
  actor: Actor | null,
  params: { id: string; walkId: string }
) {
  const { walk } = await getWalk(ctx, actor, params.walkId);
  if (walk.agreementId !== params.id) throw new NotFoundError('Vandringen finns inte.');
  const { agreement } = await walkableMeasures(ctx, actor, params.id);
  return { walk, agreement };
}
