import type { Executor } from '../../../context';
import type { DueFeedTable } from '../../schema';

/** The user's calendar feed, if any (never the secret: only its hash is stored). */
export const findDueFeedOfUser = (db: Executor, userId: string) =>
  db
    .selectFrom('due_feeds')
    .select(['id', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();

/** The feed whose secret hashes to this value. */
export const findDueFeedByHash = (db: Executor, tokenHash: string) =>
  db
    .selectFrom('due_feeds')
    .select(['id', 'user_id', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();

/** Replaces the user's feed: one address per user, the old one stops working. */
export async function replaceDueFeed(db: Executor, row: DueFeedTable): Promise<void> {
  await db.deleteFrom('due_feeds').where('user_id', '=', row.user_id).execute();
  await db.insertInto('due_feeds').values(row).execute();
}

/** Removes the user's feed; the number of rows removed. */
export async function deleteDueFeed(db: Executor, userId: string): Promise<number> {
  const r = await db.deleteFrom('due_feeds').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Notes when a feed was last fetched. */
export const touchDueFeed = (db: Executor, id: string, at: string) =>
  db.updateTable('due_feeds').set({ last_used_at: at }).where('id', '=', id).execute();

/** The user's digest subscription, if they ever chose. */
export const findDigestSubscription = (db: Executor, userId: string) =>
  db
    .selectFrom('digest_subscriptions')
    .select(['enabled', 'last_sent_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();

/** Turns the user's weekly digest on or off. */
export const upsertDigestSubscription = (
  db: Executor,
  userId: string,
  enabled: boolean,
  at: string
) =>
  db
    .insertInto('digest_subscriptions')
    .values({
      user_id: userId,
      enabled: enabled ? 1 : 0,
      created_at: at,
      updated_at: at,
      last_sent_at: null
    })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: at })
    )
    .execute();

/** Users with the digest on, not yet sent since `since`, whose accounts are not disabled. */
export const digestRecipientIds = async (db: Executor, since: string): Promise<string[]> =>
  (
    await db
      .selectFrom('digest_subscriptions as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .select('d.user_id')
      .where('d.enabled', '=', 1)
      .where('u.disabled_at', 'is', null)
      .where((eb) => eb.or([eb('d.last_sent_at', 'is', null), eb('d.last_sent_at', '<', since)]))
      .orderBy('d.user_id')
      .execute()
  ).map((r) => r.user_id);

/**
 * Claims this week's digest for a user with one atomic UPDATE: true for exactly one caller,
 * however many app servers try at once.
 */
export async function claimDigest(
  db: Executor,
  userId: string,
  since: string,
  at: string
): Promise<boolean> {
  const r = await db
    .updateTable('digest_subscriptions')
    .set({ last_sent_at: at })
    .where('user_id', '=', userId)
    .where('enabled', '=', 1)
    .where((eb) => eb.or([eb('last_sent_at', 'is', null), eb('last_sent_at', '<', since)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives a claim back after a failed send, so the next run tries again. */
export const releaseDigest = (db: Executor, userId: string, at: string, previous: string | null) =>
  db
    .updateTable('digest_subscriptions')
    .set({ last_sent_at: previous })
    .where('user_id', '=', userId)
    .where('last_sent_at', '=', at)
    .execute();
