import type { Kysely } from 'kysely';

/**
 * Who gets an answer in (issue 11, item 14): class codes that let a school class answer from one
 * address up to a capacity, one-time submission tokens that tell a resubmitted form from a new
 * person, and counts of refused answers by reason so a survey's owner sees what was held back.
 * No address or client hash is stored here either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_class_codes')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_class_codes_code', ['survey_id', 'code_hash'])
    .execute();

  // A hash of the random token in each rendered form: the same form sent twice is one person.
  await db.schema
    .createTable('survey_submissions')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_submissions_pk', ['survey_id', 'token_hash'])
    .execute();

  await db.schema
    .createTable('survey_refusals')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_refusals_pk', ['survey_id', 'reason'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_refusals').execute();
  await db.schema.dropTable('survey_submissions').execute();
  await db.schema.dropTable('survey_class_codes').execute();
}
