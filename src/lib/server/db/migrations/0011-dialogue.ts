import type { Kysely } from 'kysely';

/**
 * Dialogue and the joint situational picture (lägesbild): dialogues (open meetings, staff
 * dialogues, survey rounds) with their input items; reported crimes (Brå) and police events with
 * a record of every import and poll; the picture, its approvals per side and version; which
 * focus area each proposed theme became; and which input each measure answers. Theme ids point
 * at the survey feature's themes (0010); kept as text without a foreign key so a theme removed
 * there leaves old input readable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dialogues')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('organisations.id'))
    // Null while preparing the next agreement of the municipality.
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('key_groups', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer')
    .addColumn('organisations_present', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text')
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dialogues_agreement')
    .on('dialogues')
    .columns(['agreement_id', 'held_on'])
    .execute();
  await db.schema
    .createIndex('dialogues_municipality')
    .on('dialogues')
    .columns(['municipality_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('dialogue_inputs')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('dialogue_id', 'text', (c) =>
      c.notNull().references('dialogues.id').onDelete('cascade')
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('theme_id', 'text')
    .execute();
  await db.schema
    .createIndex('dialogue_inputs_dialogue')
    .on('dialogue_inputs')
    .columns(['dialogue_id', 'position'])
    .execute();
  await db.schema
    .createIndex('dialogue_inputs_theme')
    .on('dialogue_inputs')
    .column('theme_id')
    .execute();

  await db.schema
    .createTable('statistic_imports')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    // 'crime-statistics' or 'police-events'; origin 'file' or 'poll'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_added', 'integer', (c) => c.notNull())
    .addColumn('rows_updated', 'integer', (c) => c.notNull())
    .addColumn('rows_skipped', 'integer', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('statistic_imports_kind')
    .on('statistic_imports')
    .columns(['kind', 'origin', 'started_at'])
    .execute();

  await db.schema
    .createTable('crime_statistics')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('per_100k', 'double precision')
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull().references('statistic_imports.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('crime_statistics_key', ['municipality_id', 'category', 'year'])
    .execute();

  await db.schema
    .createTable('police_events')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().unique())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('location_name', 'text', (c) => c.notNull())
    .addColumn('gps', 'text')
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull().references('statistic_imports.id'))
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('police_events_location')
    .on('police_events')
    .columns(['location_name', 'occurred_at'])
    .execute();

  // One row per poller: the last call, claimed atomically so several servers never call twice.
  await db.schema
    .createTable('police_event_poller')
    .addColumn('name', 'text', (c) => c.primaryKey().notNull())
    .addColumn('last_call_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('from_year', 'integer', (c) => c.notNull())
    .addColumn('to_year', 'integer', (c) => c.notNull())
    // The ranked proposal as it stood when saved: what the parties approve (JSON).
    .addColumn('ranking_json', 'text', (c) => c.notNull())
    // Every edit increments it; approvals count only for the version they were given to.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createIndex('assessments_agreement')
    .on('assessments')
    .column('agreement_id')
    .execute();
  await db.schema
    .createIndex('assessments_municipality')
    .on('assessments')
    .column('municipality_id')
    .execute();

  await db.schema
    .createTable('assessment_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('assessment_id', 'text', (c) =>
      c.notNull().references('assessments.id').onDelete('cascade')
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_approvals_side', ['assessment_id', 'version', 'side'])
    .execute();

  await db.schema
    .createTable('assessment_focus_links')
    .addColumn('assessment_id', 'text', (c) =>
      c.notNull().references('assessments.id').onDelete('cascade')
    )
    .addColumn('theme_id', 'text', (c) => c.notNull())
    .addColumn('focus_area_id', 'text', (c) =>
      c.notNull().references('focus_areas.id').onDelete('cascade')
    )
    .addPrimaryKeyConstraint('assessment_focus_links_pk', ['assessment_id', 'theme_id'])
    .execute();

  await db.schema
    .createTable('measure_citations')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('agreement_id', 'text', (c) =>
      c.notNull().references('agreements.id').onDelete('cascade')
    )
    // Stable across plan revisions, like activities.
    .addColumn('measure_key', 'text', (c) => c.notNull())
    // 'input' (a dialogue input item), 'theme' (a survey theme) or 'statistic' (a crime category).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dialogue_input_id', 'text', (c) =>
      c.references('dialogue_inputs.id').onDelete('cascade')
    )
    .addColumn('theme_id', 'text')
    .addColumn('category', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_citations_measure')
    .on('measure_citations')
    .columns(['agreement_id', 'measure_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'measure_citations',
    'assessment_focus_links',
    'assessment_approvals',
    'assessments',
    'police_event_poller',
    'police_events',
    'crime_statistics',
    'statistic_imports',
    'dialogue_inputs',
    'dialogues'
  ])
    await db.schema.dropTable(t).execute();
}
