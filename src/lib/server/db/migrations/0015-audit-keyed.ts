import type { Kysely } from 'kysely';

/**
 * A keyed audit trail: entries carry a scheme (0 = the old SHA-256 chain, 1 = HMAC-SHA-256 with
 * the key from AUDIT_HMAC_KEY, never stored here) and, for audited tables, a hash of the row's
 * state after the change. Daily checkpoints of the chain's head are kept for publication.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('audit_log')
    .addColumn('scheme', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('audit_log').addColumn('row_hash', 'text').execute();
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('day', 'text', (c) => c.primaryKey().notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute();
  await db.schema.alterTable('audit_log').dropColumn('row_hash').execute();
  await db.schema.alterTable('audit_log').dropColumn('scheme').execute();
}
