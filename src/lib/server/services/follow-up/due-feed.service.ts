import type { Actor } from '../../auth/policy';
import { hashSecret, newSecret } from '../../auth/tokens';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  deleteDueFeed,
  findDueFeedByHash,
  findDueFeedOfUser,
  replaceDueFeed,
  touchDueFeed
} from '../../db/repositories/follow-up/due.repository';
import { recordAudit } from '../shared/audit.service';
import { actorFor } from '../accounts/auth.service';
import { NotFoundError } from '../shared/errors';

/** A user's calendar feed as they see it (the secret address is shown only once, at creation). */
export type DueFeedView = { createdAt: string; lastUsedAt: string | null };

/** The path of a feed, with its secret: calendar apps cannot send headers, so the secret is in the address. */
export const dueFeedPath = (token: string) => `/att-gora/kalender.ics?nyckel=${token}`;

/** Creates the actor's secret calendar-feed address, replacing any earlier one; the secret is returned once. */
export async function createDueFeed(ctx: Ctx, actor: Actor): Promise<{ token: string }> {
  const token = `kal_${newSecret()}`;
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceDueFeed(trx, {
      id,
      user_id: actor.userId,
      token_hash: hashSecret(token),
      created_at: ctx.now().toISOString(),
      last_used_at: null
    });
    await recordAudit(trx, ctx.now(), {
      actorId: actor.userId,
      organisationId: null,
      action: 'due-feed.create',
      entity: 'due_feed',
      entityId: id
    });
  });
  return { token };
}

/** The actor's calendar feed, or null when they have none. */
export async function dueFeedOf(ctx: Ctx, actor: Actor): Promise<DueFeedView | null> {
  const row = await findDueFeedOfUser(ctx.db, actor.userId);
  return row ? { createdAt: row.created_at, lastUsedAt: row.last_used_at } : null;
}

/** Turns the actor's calendar feed off: its address stops working. */
export async function revokeDueFeed(ctx: Ctx, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if ((await deleteDueFeed(trx, actor.userId)) === 0)
      throw new NotFoundError('Du har inget kalenderflöde.');
    await recordAudit(trx, ctx.now(), {
      actorId: actor.userId,
      organisationId: null,
      action: 'due-feed.revoke',
      entity: 'due_feed',
      entityId: actor.userId
    });
  });
}

/** The person behind a feed secret, with their rights as a token holder; null when unknown or the account is disabled. */
export async function dueFeedActor(ctx: Ctx, token: string | null): Promise<Actor | null> {
  if (!token || !/^kal_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await findDueFeedByHash(ctx.db, hashSecret(token));
  if (!row) return null;
  const now = ctx.now();
  // Calendar apps poll often: note the use at most once an hour.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 3_600_000)
    await touchDueFeed(ctx.db, row.id, now.toISOString());
  return actorFor(ctx, row.user_id, true);
}
