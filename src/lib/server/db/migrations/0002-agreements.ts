import type { Kysely } from 'kysely';

/** Agreements, focus areas, effects, yearly plan revisions, measures, activities, risk occasions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('police_area_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('period_text', 'text', (c) => c.notNull())
    .addColumn('situation_summary', 'text', (c) => c.notNull())
    .addColumn('communication', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text')
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agreements_police_area')
    .on('agreements')
    .column('police_area_id')
    .execute();

  await db.schema
    .createTable('agreement_municipalities')
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('agreement_municipalities_pk', ['agreement_id', 'municipality_id'])
    .execute();
  await db.schema
    .createIndex('agreement_municipalities_municipality')
    .on('agreement_municipalities')
    .column('municipality_id')
    .execute();

  await db.schema
    .createTable('agreement_parties')
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('party_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('agreement_parties_pk', ['agreement_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('signatories')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .execute();

  await db.schema
    .createTable('focus_areas')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('prevention_types', 'text', (c) => c.notNull())
    .addColumn('special_attention', 'text')
    .execute();
  await db.schema
    .createIndex('focus_areas_agreement')
    .on('focus_areas')
    .column('agreement_id')
    .execute();

  await db.schema
    .createTable('effects')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('effects_agreement').on('effects').column('agreement_id').execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('effect_id', 'text', (c) => c.notNull().references('effects.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicators_effect').on('indicators').column('effect_id').execute();

  await db.schema
    .createTable('indicator_values')
    .addColumn('indicator_id', 'text', (c) =>
      c.notNull().references('indicators.id').onDelete('cascade')
    )
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_values_pk', ['indicator_id', 'measured_on'])
    .execute();

  await db.schema
    .createTable('plan_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('based_on_id', 'text', (c) => c.references('plan_revisions.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('removed_json', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_revisions_agreement_year', ['agreement_id', 'year'])
    .execute();

  await db.schema
    .createTable('measure_groups')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('revision_id', 'text', (c) =>
      c.notNull().references('plan_revisions.id').onDelete('cascade')
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_groups_revision')
    .on('measure_groups')
    .column('revision_id')
    .execute();

  await db.schema
    .createTable('measures')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('revision_id', 'text', (c) =>
      c.notNull().references('plan_revisions.id').onDelete('cascade')
    )
    .addColumn('group_id', 'text', (c) => c.notNull().references('measure_groups.id'))
    .addColumn('measure_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('target_text', 'text', (c) => c.notNull())
    .addColumn('target_json', 'text', (c) => c.notNull())
    .addColumn('responsible_party_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('follow_up_method', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('change_reason', 'text')
    .addUniqueConstraint('measures_revision_key', ['revision_id', 'measure_key'])
    .execute();

  await db.schema
    .createTable('measure_parties')
    .addColumn('measure_id', 'text', (c) =>
      c.notNull().references('measures.id').onDelete('cascade')
    )
    .addColumn('party_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('measure_parties_pk', ['measure_id', 'party_id'])
    .execute();

  await db.schema
    .createTable('measure_focus_areas')
    .addColumn('measure_id', 'text', (c) =>
      c.notNull().references('measures.id').onDelete('cascade')
    )
    .addColumn('focus_area_id', 'text', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade')
    )
    .addPrimaryKeyConstraint('measure_focus_areas_pk', ['measure_id', 'focus_area_id'])
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    .addColumn('measure_key', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('shifts', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('place', 'text')
    .addColumn('note', 'text')
    .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('demo', 'integer', (c) => c.notNull())
    .execute();
  // The follow-up groups by measure and day within one agreement. Activities arrive day by day
  // for all agreements, so one agreement's rows are scattered over the table: a covering index
  // answers the day tallies without touching the table (see docs/BENCHMARKS.md).
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
      'demo'
    ])
    .execute();

  await db.schema
    .createTable('risk_occasions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('occurs_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('risk_occasions_municipality_year_key', ['municipality_id', 'year', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'risk_occasions',
    'activities',
    'measure_focus_areas',
    'measure_parties',
    'measures',
    'measure_groups',
    'plan_revisions',
    'indicator_values',
    'indicators',
    'effects',
    'focus_areas',
    'signatories',
    'agreement_parties',
    'agreement_municipalities',
    'agreements'
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
