import type { Kysely } from 'kysely';

/**
 * Document imports: an existing medborgarlöfte (text, Word, PDF) read into a draft that waits
 * here for review. Only the normalised text is kept, never the file; drafts expire after a week,
 * and an accepted one keeps only the id of the agreement it became.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_imports')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('cascade')
    )
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('normalised_text', 'text', (c) => c.notNull())
    .addColumn('draft_json', 'text', (c) => c.notNull())
    .addColumn('review_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_agreement_id', 'text', (c) =>
      c.references('agreements.id').onDelete('set null')
    )
    .execute();
  await db.schema
    .createIndex('document_imports_expires_at')
    .on('document_imports')
    .column('expires_at')
    .execute();
  await db.schema
    .createIndex('document_imports_created_by')
    .on('document_imports')
    .columns(['created_by', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_imports').execute();
}
