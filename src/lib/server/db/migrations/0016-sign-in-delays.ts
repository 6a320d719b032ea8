import type { Kysely } from 'kysely';

/**
 * Growing delays for rate limits: `not_before` is the earliest time the key may try again (ISO,
 * null when free), and `attempt` names the reservation that holds the key while its password is
 * checked, so a late answer from an older attempt cannot undo a newer one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rate_limits').addColumn('not_before', 'text').execute();
  await db.schema.alterTable('rate_limits').addColumn('attempt', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rate_limits').dropColumn('attempt').execute();
  await db.schema.alterTable('rate_limits').dropColumn('not_before').execute();
}
