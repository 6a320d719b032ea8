import type { Kysely } from 'kysely';

/**
 * Roll-ups (issue 15): each agreement's public follow-up of a year, stored per measure (its
 * target kind, kept and judged periods, behind or not) and per measure and focus area, so a police
 * area's, a region's and the nation's overview are plain GROUP BYs over a few thousand rows.
 * `rollup_state` keeps the audit sequence and the day the rows were computed for: a roll-up
 * recomputes only the agreements the audit trail names since then, and every agreement on a new day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rollup_agreements')
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('judged', 'integer', (c) => c.notNull())
    .addColumn('behind', 'integer', (c) => c.notNull())
    .addColumn('measures', 'integer', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_agreements_pk', ['agreement_id', 'year'])
    .execute();
  await db.schema
    .createTable('rollup_measures')
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('measure_key', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('judged', 'integer', (c) => c.notNull())
    .addColumn('behind', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_measures_pk', ['agreement_id', 'year', 'measure_key'])
    .execute();
  await db.schema
    .createTable('rollup_measure_focus')
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('measure_key', 'text', (c) => c.notNull())
    .addColumn('focus_area', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_measure_focus_pk', [
      'agreement_id',
      'year',
      'measure_key',
      'focus_area'
    ])
    .execute();
  await db.schema
    .createTable('rollup_state')
    .addColumn('year', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rollup_state').execute();
  await db.schema.dropTable('rollup_measure_focus').execute();
  await db.schema.dropTable('rollup_measures').execute();
  await db.schema.dropTable('rollup_agreements').execute();
}
