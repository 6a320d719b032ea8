import type { Kysely } from 'kysely';

/**
 * Publication rules: per measure a default (public at once, after N days, only as a monthly
 * count, or internal), copied onto each activity when it is logged (where an override may change
 * it), so the public follow-up filters in SQL without joining plan revisions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('measures')
    .addColumn('publication_rule', 'text', (c) => c.notNull().defaultTo('public'))
    .execute();
  await db.schema
    .alterTable('measures')
    .addColumn('publication_delay_days', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('activities')
    .addColumn('publication', 'text', (c) => c.notNull().defaultTo('public'))
    .execute();
  await db.schema
    .alterTable('activities')
    .addColumn('publish_after', 'text', (c) => c.notNull().defaultTo('0000-01-01'))
    .execute();
  await db.schema
    .alterTable('activities')
    .addColumn('party_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('activities').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('activities').addColumn('updated_by', 'text').execute();
  // The public follow-up also filters on publication: keep the day-tallies index covering.
  await db.schema.dropIndex('activities_agreement_measure_day').execute();
  await db.schema
    .createIndex('activities_agreement_measure_day')
    .on('activities')
    .columns([
      'agreement_id',
      'measure_key',
      'occurred_on',
      'grade',
      'deleted_at',
      'count',
      'shifts',
      'demo',
      'publication',
      'publish_after'
    ])
    .execute();
  // "What did I log lately" and the reporter's recent measures.

  await db.schema
    .createIndex('activities_created_by')
    .on('activities')
    .columns(['created_by', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('activities_created_by').execute();
  for (const c of ['updated_by', 'updated_at', 'party_ids', 'publish_after', 'publication']) {
    await db.schema.alterTable('activities').dropColumn(c).execute();
  }
  for (const c of ['publication_delay_days', 'publication_rule'])
    await db.schema.alterTable('measures').dropColumn(c).execute();
}
