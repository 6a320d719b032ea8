import type { Kysely } from 'kysely';

/**
 * School calendars (issue 13, item 4). Defaults come from code (sportlov week by county); a row
 * here is an editor's correction of one default entry: `entry` is 'ht' or 'vt' (hösttermin,
 * vårtermin) or a holiday ('hostlov', 'jullov', 'sportlov', 'paasklov', 'sommarlov'), `year` the
 * calendar year the default entry starts in, and `starts_on`/`ends_on` the corrected days.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('school_calendar_corrections')
    .addColumn('municipality_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('school_calendar_corrections_pk', ['municipality_id', 'year', 'entry'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('school_calendar_corrections').execute();
}
