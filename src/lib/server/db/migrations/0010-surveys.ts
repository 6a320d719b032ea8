import type { Kysely } from 'kysely';

/**
 * Surveys (webbenkäter): questions, options, anonymous responses and their answers (no IP
 * address or client hash is ever stored with a response), one-time codes stored hashed, daily
 * salts for rate-limit keys, and the theme frame with its coding of free-text answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id'))
    .addColumn('title_sv', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('intro_sv', 'text', (c) => c.notNull())
    .addColumn('intro_en', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text')
    .addColumn('closes_on', 'text')
    .addColumn('requires_code', 'integer', (c) => c.notNull())
    .addColumn('index_formula', 'text', (c) => c.notNull())
    .addColumn('demo', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('surveys_municipality')
    .on('surveys')
    .columns(['municipality_id', 'status'])
    .execute();
  await db.schema.createIndex('surveys_agreement').on('surveys').column('agreement_id').execute();

  await db.schema
    .createTable('survey_questions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text_sv', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('help_sv', 'text', (c) => c.notNull())
    .addColumn('help_en', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('index_item', 'integer', (c) => c.notNull())
    .addColumn('condition_question_id', 'text')
    .addColumn('condition_option_id', 'text')
    .addUniqueConstraint('survey_questions_key', ['survey_id', 'key'])
    .execute();
  await db.schema
    .createIndex('survey_questions_survey')
    .on('survey_questions')
    .columns(['survey_id', 'position'])
    .execute();

  await db.schema
    .createTable('survey_options')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('question_id', 'text', (c) => c.notNull().references('survey_questions.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label_sv', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .execute();
  await db.schema
    .createIndex('survey_options_question')
    .on('survey_options')
    .columns(['question_id', 'position'])
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('area_option_id', 'text')
    .addColumn('age_option_id', 'text')
    .addColumn('answer_set_hash', 'text', (c) => c.notNull())
    .addColumn('duplicate', 'integer', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addColumn('demo', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_responses_survey')
    .on('survey_responses')
    .columns(['survey_id', 'duplicate', 'area_option_id'])
    .execute();
  await db.schema
    .createIndex('survey_responses_answer_set')
    .on('survey_responses')
    .columns(['survey_id', 'answer_set_hash', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('response_id', 'text', (c) => c.notNull().references('survey_responses.id'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('survey_questions.id'))
    .addColumn('option_id', 'text')
    .addColumn('text', 'text')
    .addColumn('text_masked', 'text')
    .addColumn('personal_data', 'text')
    .execute();
  await db.schema
    .createIndex('survey_answers_question')
    .on('survey_answers')
    .columns(['question_id', 'option_id'])
    .execute();
  await db.schema
    .createIndex('survey_answers_response')
    .on('survey_answers')
    .column('response_id')
    .execute();

  await db.schema
    .createTable('survey_codes')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('survey_codes_pk', ['survey_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('survey_salts')
    .addColumn('day', 'text', (c) => c.primaryKey().notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('themes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('agreement_id', 'text', (c) => c.references('agreements.id'))
    // 'municipality:<id>' or 'agreement:<id>': one frame per municipality or agreement.
    .addColumn('frame', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('themes_frame_key', ['frame', 'key'])
    .execute();
  await db.schema.createIndex('themes_frame').on('themes').columns(['frame', 'position']).execute();

  await db.schema
    .createTable('answer_themes')
    .addColumn('answer_id', 'text', (c) => c.notNull().references('survey_answers.id'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('matched', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('answer_themes_pk', ['answer_id', 'theme_id'])
    .execute();
  await db.schema
    .createIndex('answer_themes_theme')
    .on('answer_themes')
    .columns(['theme_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'answer_themes',
    'themes',
    'survey_salts',
    'survey_codes',
    'survey_answers',
    'survey_responses',
    'survey_options',
    'survey_questions',
    'surveys'
  ])
    await db.schema.dropTable(t).execute();
}
