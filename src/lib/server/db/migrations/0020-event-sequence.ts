import type { Kysely } from 'kysely';

/** Each public event counts its revisions, so calendar apps see a change (iCalendar SEQUENCE). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('public_events')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('public_events').dropColumn('sequence').execute();
}
