import type { Kysely } from 'kysely';

/**
 * Spreadsheet imports: an uploaded file's cells wait here between the preview and the import,
 * so the next step may land on any app server. Uploads expire after a day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    // The file's cells as JSON (header and rows with their spreadsheet row numbers), parsed once.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_uploads_expires_at')
    .on('import_uploads')
    .column('expires_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_uploads').execute();
}
