import type { Kysely } from 'kysely';

/**
 * Door-knocking and night-walking rounds (issue 18, item 5): the contacts of a round. When, how
 * many people and households were reached, what was said (free text, stored with its masked form
 * and the kinds of personal data found, as survey answers are), the themes it was sorted into
 * (keys of the agreement's theme frame, JSON text) and an idempotency key so a phone's queue
 * stores a contact once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('walk_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('walk_id', 'text', (c) => c.notNull().references('walks.id'))
    .addColumn('contacted_at', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('households', 'integer')
    .addColumn('said', 'text', (c) => c.notNull())
    .addColumn('said_masked', 'text', (c) => c.notNull())
    .addColumn('personal_data', 'text')
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('walk_contacts_walk_idx')
    .on('walk_contacts')
    .columns(['walk_id', 'contacted_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('walk_contacts').execute();
}
