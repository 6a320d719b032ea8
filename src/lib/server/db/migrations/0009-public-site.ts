import type { Kysely } from 'kysely';

/**
 * The public site: events residents can join (safety walks, open meetings), shown on a
 * municipality's page and in its iCalendar feed, and whom the public may contact about an
 * agreement. Instants are ISO-8601 UTC text; a cancelled event keeps its row (cancelled_at).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('public_events_agreement_start')
    .on('public_events')
    .columns(['agreement_id', 'starts_at'])
    .execute();
  await db.schema
    .createTable('agreement_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreement_contacts_agreement')
    .on('agreement_contacts')
    .columns(['agreement_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('agreement_contacts').execute();
  await db.schema.dropTable('public_events').execute();
}
