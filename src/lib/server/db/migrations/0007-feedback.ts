import type { Kysely } from 'kysely';

/** Reports of accessibility problems from the public (the accessibility statement's contact route). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accessibility_reports')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('page', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('handled_at', 'text')
    .execute();
  await db.schema
    .createIndex('accessibility_reports_created')
    .on('accessibility_reports')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('accessibility_reports').execute();
}
