import type { Ctx } from '../../context';
import { ping } from '../../db/connection';

/** Whether the database answers, and which engine it is. */
export async function health(
  ctx: Ctx
): Promise<{ status: 'ok' | 'unavailable'; database: Ctx['dbKind'] }> {
  return { status: (await ping(ctx.db)) ? 'ok' : 'unavailable', database: ctx.dbKind };
}
