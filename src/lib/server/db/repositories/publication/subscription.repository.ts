import type { Executor } from '../../types';
import type { SubscriptionDeliveryTable, SubscriptionTable } from '../../schema';

/** A municipality's subscription for an address (confirmed or waiting), if any. */
export const findSubscriptionByEmail = (db: Executor, municipalityId: string, email: string) =>
  db
    .selectFrom('subscriptions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('email', '=', email)
    .executeTakeFirst();

/** A subscription by id. */
export const findSubscription = (db: Executor, id: string) =>
  db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();

/** A waiting subscription by its confirmation token's hash, if the request has not lapsed. */
export const findPendingByToken = (db: Executor, tokenHash: string, now: string) =>
  db
    .selectFrom('subscriptions')
    .selectAll()
    .where('confirm_token_hash', '=', tokenHash)
    .where('confirmed_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();

/** Adds a waiting subscription. */
export async function insertSubscription(db: Executor, row: SubscriptionTable): Promise<void> {
  await db.insertInto('subscriptions').values(row).execute();
}

/** Gives a waiting subscription a new confirmation token and expiry. */
export async function renewPending(
  db: Executor,
  id: string,
  tokenHash: string,
  expiresAt: string
): Promise<void> {
  await db
    .updateTable('subscriptions')
    .set({ confirm_token_hash: tokenHash, expires_at: expiresAt })
    .where('id', '=', id)
    .where('confirmed_at', 'is', null)
    .execute();
}

/** Confirms a waiting subscription (once: false when it was already confirmed or is gone). */
export async function confirmPending(db: Executor, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('subscriptions')
    .set({ confirmed_at: now, confirm_token_hash: null, expires_at: null })
    .where('id', '=', id)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Deletes a subscription and what was sent to it; false when there was none. */
export async function deleteSubscription(db: Executor, id: string): Promise<boolean> {
  await db.deleteFrom('subscription_deliveries').where('subscription_id', '=', id).execute();
  const r = await db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Deletes unconfirmed requests that lapsed before `now`; how many. */
export async function deleteLapsed(db: Executor, now: string): Promise<number> {
  const r = await db
    .deleteFrom('subscriptions')
    .where('confirmed_at', 'is', null)
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The municipalities (id and code) that have at least one confirmed subscription. */
export const subscribedMunicipalities = (db: Executor) =>
  db
    .selectFrom('subscriptions')
    .innerJoin('organisations', 'organisations.id', 'subscriptions.municipality_id')
    .select(['organisations.id as id', 'organisations.code as code'])
    .where('subscriptions.confirmed_at', 'is not', null)
    .groupBy(['organisations.id', 'organisations.code'])
    .orderBy('organisations.code')
    .execute();

/** A municipality's confirmed subscriptions: id, address and when each was confirmed. */
export const confirmedSubscriptions = (db: Executor, municipalityId: string) =>
  db
    .selectFrom('subscriptions')
    .select(['id', 'email', 'confirmed_at'])
    .where('municipality_id', '=', municipalityId)
    .where('confirmed_at', 'is not', null)
    .orderBy('confirmed_at')
    .orderBy('id')
    .execute();

/**
 * Claims one item for one subscription before it is sent (atomic): false when it was claimed
 * already, by an earlier run or another server.
 */
export async function claimDelivery(
  db: Executor,
  row: SubscriptionDeliveryTable
): Promise<boolean> {
  const r = await db
    .insertInto('subscription_deliveries')
    .values(row)
    .onConflict((oc) => oc.columns(['subscription_id', 'item_kind', 'item_id']).doNothing())
    .returning('item_id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Gives claims back after a failed send, so the next run tries again. */
export async function releaseDeliveries(
  db: Executor,
  subscriptionId: string,
  items: readonly { kind: SubscriptionDeliveryTable['item_kind']; id: string }[]
): Promise<void> {
  for (const i of items)
    await db
      .deleteFrom('subscription_deliveries')
      .where('subscription_id', '=', subscriptionId)
      .where('item_kind', '=', i.kind)
      .where('item_id', '=', i.id)
      .execute();
}
