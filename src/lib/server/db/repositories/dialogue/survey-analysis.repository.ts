import type { Executor } from '../../types';

/** Counted answers per option of a survey (duplicates left out), optionally by area or age band. */
export async function optionCounts(
  db: Executor,
  surveyId: string,
  by: 'none' | 'area' | 'age' = 'none'
) {
  const group =
    by === 'area'
      ? 'survey_responses.area_option_id'
      : by === 'age'
        ? 'survey_responses.age_option_id'
        : null;
  let q = db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select([
      'survey_answers.question_id as questionId',
      'survey_answers.option_id as optionId',
      (eb) => eb.fn.countAll<string | number>().as('n')
    ])
    .where('survey_responses.survey_id', '=', surveyId)
    .where('survey_responses.duplicate', '=', 0)
    .where('survey_answers.option_id', 'is not', null)
    .groupBy(['survey_answers.question_id', 'survey_answers.option_id']);
  if (group) q = q.select(`${group} as groupId`).groupBy(group);
  const rows = await q.execute();
  return rows.map((r) => ({
    questionId: r.questionId,
    optionId: r.optionId ?? '',
    groupId: ('groupId' in r ? (r.groupId as string | null) : null) ?? null,
    n: Number(r.n)
  }));
}

/** Counted respondents per area or age band (null: not answered). */
export async function groupSizes(db: Executor, surveyId: string, by: 'area' | 'age') {
  const column = by === 'area' ? 'area_option_id' : 'age_option_id';
  const rows = await db
    .selectFrom('survey_responses')
    .select([`${column} as groupId`, (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('survey_id', '=', surveyId)
    .where('duplicate', '=', 0)
    .groupBy(column)
    .execute();
  return rows.map((r) => ({ groupId: r.groupId as string | null, n: Number(r.n) }));
}

/** Respondents per question (those who answered it), for shares of multiple-choice questions. */
export async function answeredPerQuestion(db: Executor, surveyId: string) {
  const rows = await db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select([
      'survey_answers.question_id as questionId',
      (eb) => eb.fn.count<string | number>('survey_answers.response_id').distinct().as('n')
    ])
    .where('survey_responses.survey_id', '=', surveyId)
    .where('survey_responses.duplicate', '=', 0)
    .groupBy('survey_answers.question_id')
    .execute();
  return new Map(rows.map((r) => [r.questionId, Number(r.n)]));
}

/**
 * Free-text answers of a survey (counted responses), newest first, a page at a time. The
 * response's area and age band are deliberately not selected: they are never shown beside a text.
 */
export function textAnswerRows(
  db: Executor,
  surveyId: string,
  page: { limit: number; offset: number; questionId?: string }
) {
  let q = db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select([
      'survey_answers.id',
      'survey_answers.question_id as questionId',
      'survey_answers.text',
      'survey_answers.text_masked as masked',
      'survey_answers.personal_data as personalData',
      'survey_responses.source',
      'survey_responses.demo'
    ])
    .where('survey_responses.survey_id', '=', surveyId)
    .where('survey_responses.duplicate', '=', 0)
    .where('survey_answers.text', 'is not', null);
  if (page.questionId) q = q.where('survey_answers.question_id', '=', page.questionId);
  return q
    .orderBy('survey_responses.submitted_at', 'desc')
    .orderBy('survey_answers.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** How many counted free-text answers a survey has. */
export async function textAnswerCount(db: Executor, surveyId: string): Promise<number> {
  const row = await db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('survey_responses.survey_id', '=', surveyId)
    .where('survey_responses.duplicate', '=', 0)
    .where('survey_answers.text', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Stores new one-time codes (hashed). */
export async function insertCodes(
  db: Executor,
  surveyId: string,
  hashes: string[],
  at: string
): Promise<void> {
  for (let i = 0; i < hashes.length; i += 200)
    await db
      .insertInto('survey_codes')
      .values(
        hashes.slice(i, i + 200).map((h) => ({
          survey_id: surveyId,
          code_hash: h,
          created_at: at,
          used_at: null
        }))
      )
      .execute();
}

/** Uses a code once: true when it existed and was unused (atomic, so two servers cannot both use it). */
export async function useCode(
  db: Executor,
  surveyId: string,
  hash: string,
  at: string
): Promise<boolean> {
  const r = await db
    .updateTable('survey_codes')
    .set({ used_at: at })
    .where('survey_id', '=', surveyId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Codes of a survey: made and used. */
export async function codeCounts(db: Executor, surveyId: string) {
  const row = await db
    .selectFrom('survey_codes')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('made'),
      eb.fn.count<string | number>('used_at').as('used')
    ])
    .where('survey_id', '=', surveyId)
    .executeTakeFirst();
  return { made: Number(row?.made ?? 0), used: Number(row?.used ?? 0) };
}

/** The salt of a day, made once (the first server to ask wins); older salts are deleted. */
export async function saltOfDay(db: Executor, day: string, fresh: string): Promise<string> {
  await db
    .insertInto('survey_salts')
    .values({ day, salt: fresh })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  await db.deleteFrom('survey_salts').where('day', '<', day).execute();
  const row = await db
    .selectFrom('survey_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return row.salt;
}
