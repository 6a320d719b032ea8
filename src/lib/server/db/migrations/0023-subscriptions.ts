import type { Kysely } from 'kysely';

/**
 * Residents' e-mail subscriptions to a municipality's reports, news and events. Only the address
 * is kept, with what confirming it needs: the confirmation token as SHA-256 and when the request
 * lapses (unconfirmed rows are deleted by a job). A row is deleted on unsubscribe. Deliveries
 * record which item went to which subscription, so a restart or a second server never sends it twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('municipality_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade')
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('confirm_token_hash', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('subscriptions_municipality_email')
    .on('subscriptions')
    .columns(['municipality_id', 'email'])
    .unique()
    .execute();
  await db.schema
    .createIndex('subscriptions_confirm_token')
    .on('subscriptions')
    .column('confirm_token_hash')
    .execute();
  await db.schema
    .createTable('subscription_deliveries')
    .addColumn('subscription_id', 'text', (c) =>
      c.notNull().references('subscriptions.id').onDelete('cascade')
    )
    .addColumn('item_kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscription_deliveries_pk', [
      'subscription_id',
      'item_kind',
      'item_id'
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('subscription_deliveries').execute();
  await db.schema.dropTable('subscriptions').execute();
}
