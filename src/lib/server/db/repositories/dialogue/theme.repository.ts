import type { Executor } from '../../types';
import type { AnswerThemeTable, ThemeTable } from '../../schema';

/** A frame's themes in order. */
export const themeRows = (db: Executor, frame: string) =>
  db.selectFrom('themes').selectAll().where('frame', '=', frame).orderBy('position').execute();

/** Inserts themes, skipping keys the frame already has (two servers may fill a frame at once). */
export async function insertThemes(db: Executor, rows: ThemeTable[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insertInto('themes')
    .values(rows)
    .onConflict((oc) => oc.columns(['frame', 'key']).doNothing())
    .execute();
}

export const updateThemeRow = (
  db: Executor,
  id: string,
  patch: Partial<Pick<ThemeTable, 'label' | 'keywords'>>
) => db.updateTable('themes').set(patch).where('id', '=', id).execute();

/** Removes a theme and its coding. */
export async function deleteThemeRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('answer_themes').where('theme_id', '=', id).execute();
  await db.deleteFrom('themes').where('id', '=', id).execute();
}

/** Adds suggestions, leaving answers that already have a row for the theme (a person's decision stands). */
export async function insertSuggestions(db: Executor, rows: AnswerThemeTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('answer_themes')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['answer_id', 'theme_id']).doNothing())
      .execute();
}

/** Sets a person's decision on one answer and theme. */
export async function decideAnswerTheme(db: Executor, row: AnswerThemeTable): Promise<void> {
  await db
    .insertInto('answer_themes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['answer_id', 'theme_id']).doUpdateSet({
        status: row.status,
        decided_by: row.decided_by,
        decided_at: row.decided_at
      })
    )
    .execute();
}

/** The coding of some answers. */
export const answerThemeRows = (db: Executor, answerIds: string[]) =>
  answerIds.length
    ? db.selectFrom('answer_themes').selectAll().where('answer_id', 'in', answerIds).execute()
    : Promise.resolve([]);

/** Counted answers of a survey per theme and status, optionally per area. */
export async function themeCounts(db: Executor, surveyId: string, byArea = false) {
  let q = db
    .selectFrom('answer_themes')
    .innerJoin('survey_answers', 'survey_answers.id', 'answer_themes.answer_id')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select([
      'answer_themes.theme_id as themeId',
      'answer_themes.status',
      (eb) => eb.fn.count<string | number>('survey_responses.id').distinct().as('n')
    ])
    .where('survey_responses.survey_id', '=', surveyId)
    .where('survey_responses.duplicate', '=', 0)
    .groupBy(['answer_themes.theme_id', 'answer_themes.status']);
  if (byArea)
    q = q
      .select('survey_responses.area_option_id as areaId')
      .groupBy('survey_responses.area_option_id');
  const rows = await q.execute();
  return rows.map((r) => ({
    themeId: r.themeId,
    status: r.status,
    areaId: ('areaId' in r ? (r.areaId as string | null) : null) ?? null,
    n: Number(r.n)
  }));
}

/** Free-text answers of a survey that have no coding row yet for some theme: all, for suggesting. */
export const uncodedTextAnswers = (db: Executor, surveyId: string) =>
  db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select(['survey_answers.id', 'survey_answers.text'])
    .where('survey_responses.survey_id', '=', surveyId)
    .where('survey_responses.duplicate', '=', 0)
    .where('survey_answers.text', 'is not', null)
    .execute();
