import type { Kysely } from 'kysely';

/**
 * A municipality's profile: its logo (PNG or JPEG as base64 text, so SQLite and PostgreSQL store
 * it alike and the page serves it from our own address), its colour for the page, reports and
 * widget, and the contact residents see. One row per municipality, none until an editor saves one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('municipality_profiles')
    .addColumn('organisation_id', 'text', (c) =>
      c.primaryKey().notNull().references('organisations.id').onDelete('cascade')
    )
    .addColumn('colour', 'text')
    .addColumn('logo_type', 'text')
    .addColumn('logo_data', 'text')
    .addColumn('logo_alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('municipality_profiles').execute();
}
