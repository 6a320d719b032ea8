import type { Kysely } from 'kysely';

/**
 * Plans in time. `plan_revisions.effective_from` is the day a plan version takes effect (null = 1
 * January of its year; the first version governs from the agreement's start). A measure's target
 * changed while its version governs keeps the old target for the days before the change in
 * `measure_target_changes` (the old words and JSON, and the last day they governed), so a
 * revision never rewrites a finished period. Measures already carry their start and end days.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_revisions').addColumn('effective_from', 'text').execute();
  await db.schema
    .createTable('measure_target_changes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('measure_id', 'text', (c) =>
      c.notNull().references('measures.id').onDelete('cascade')
    )
    .addColumn('until_on', 'text', (c) => c.notNull())
    .addColumn('target_text', 'text', (c) => c.notNull())
    .addColumn('target_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_target_changes_measure')
    .on('measure_target_changes')
    .columns(['measure_id', 'until_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('measure_target_changes').execute();
  await db.schema.alterTable('plan_revisions').dropColumn('effective_from').execute();
}
