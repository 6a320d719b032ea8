import type { Kysely } from 'kysely';

/**
 * An activity may carry how long it took, in minutes, so a target in hours ("10 timmar per vecka")
 * sums logged time. Null = not given: such activities are counted and shown as "saknar tid", never
 * taken as 0 or 1 hour.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activities').addColumn('duration_minutes', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('activities').dropColumn('duration_minutes').execute();
}
