import type { Kysely } from 'kysely';

/**
 * Follow-up reports and news. A report is a period of an agreement (tertial, year or the whole
 * agreement) with the editors' lead text and a commentary per measure; publishing freezes the
 * rendered content as a numbered version that later data never changes (a correction adds a
 * version). News items are short texts per agreement, shown from their publication day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    // 0 while only a draft; otherwise the number of the newest published version.
    .addColumn('published_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reports_agreement_period', [
      'agreement_id',
      'period_kind',
      'period_start'
    ])
    .execute();

  await db.schema
    .createTable('report_comments')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('measure_key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('report_comments_pk', ['report_id', 'measure_key'])
    .execute();

  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // Title and a one-line summary, copied from the content for lists and the Atom feed.
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    // The complete rendered content as published (JSON): never updated.
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addUniqueConstraint('report_versions_report_version', ['report_id', 'version'])
    .execute();
  await db.schema
    .createIndex('report_versions_published_at')
    .on('report_versions')
    .column('published_at')
    .execute();

  await db.schema
    .createTable('news_items')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('news_items_agreement_published')
    .on('news_items')
    .columns(['agreement_id', 'published_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['news_items', 'report_versions', 'report_comments', 'reports']) {
    await db.schema.dropTable(t).execute();
  }
}
