import type { Kysely } from 'kysely';

/**
 * Owners with accounts (issue 18, item 3): an observation may be given to an organisation whose
 * members sign in and update it from "what is due", besides the free-text owner the public
 * protocol shows (which stays). Nullable: free-text owners with a link go on as before. The index
 * serves each organisation's list, in order of due date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('walk_observations')
    .addColumn('owner_organisation_id', 'text', (c) => c.references('organisations.id'))
    .execute();
  await db.schema
    .createIndex('walk_observations_owner_organisation_idx')
    .on('walk_observations')
    .columns(['owner_organisation_id', 'due_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('walk_observations_owner_organisation_idx').execute();
  await db.schema.alterTable('walk_observations').dropColumn('owner_organisation_id').execute();
}
