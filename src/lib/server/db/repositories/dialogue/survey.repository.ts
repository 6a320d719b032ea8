import { PostgresAdapter } from 'kysely';
import { coalesced } from '../../coalesce';
import type { Executor } from '../../types';
import type {
  SurveyAnswerTable,
  SurveyOptionTable,
  SurveyQuestionTable,
  SurveyResponseTable,
  SurveyTable
} from '../../schema';

/** A survey's rows: the survey, its questions and their options. */
export type SurveyRows = {
  survey: SurveyTable;
  questions: SurveyQuestionTable[];
  options: SurveyOptionTable[];
};

/** Inserts a survey with its questions and options. */
export async function insertSurvey(db: Executor, rows: SurveyRows): Promise<void> {
  await db.insertInto('surveys').values(rows.survey).execute();
  await insertQuestions(db, rows.questions, rows.options);
}

/** Inserts questions and their options. */
export async function insertQuestions(
  db: Executor,
  questions: SurveyQuestionTable[],
  options: SurveyOptionTable[]
): Promise<void> {
  if (questions.length) await db.insertInto('survey_questions').values(questions).execute();
  for (let i = 0; i < options.length; i += 200)
    await db
      .insertInto('survey_options')
      .values(options.slice(i, i + 200))
      .execute();
}

/** A survey by id: every answer asks it, so the lookups of one turn go in one query. */
export const findSurvey = (db: Executor, id: string) => coalesced(db, surveysById, id);

/** Surveys by id. */
async function surveysById(db: Executor, ids: string[]): Promise<Map<string, SurveyTable>> {
  const rows = await db.selectFrom('surveys').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A survey's questions in order and their options in order. Every answer asks this of its
 * survey, so the lookups of one turn go in one query (db/coalesce.ts).
 */
export async function loadQuestionRows(db: Executor, surveyId: string) {
  return (await coalesced(db, questionRowsOf, surveyId)) ?? { questions: [], options: [] };
}

/** These surveys' questions in order and their options in order, by survey. */
async function questionRowsOf(db: Executor, surveyIds: string[]) {
  const questions = await db
    .selectFrom('survey_questions')
    .selectAll()
    .where('survey_id', 'in', surveyIds)
    .orderBy('survey_id')
    .orderBy('position')
    .execute();
  const options = questions.length
    ? await db
        .selectFrom('survey_options')
        .selectAll()
        .where(
          'question_id',
          'in',
          questions.map((q) => q.id)
        )
        .orderBy('question_id')
        .orderBy('position')
        .execute()
    : [];
  const bySurvey = new Map<string, { questions: typeof questions; options: typeof options }>(
    surveyIds.map((id) => [id, { questions: [], options: [] }])
  );
  const surveyOf = new Map(questions.map((q) => [q.id, q.survey_id]));
  for (const q of questions) bySurvey.get(q.survey_id)!.questions.push(q);
  for (const o of options) bySurvey.get(surveyOf.get(o.question_id)!)!.options.push(o);
  return bySurvey;
}

/** A municipality's surveys, newest first, with their counted responses. */
export const listSurveyRows = (db: Executor, municipalityId: string, onlyOpenOn?: string) => {
  let q = db
    .selectFrom('surveys')
    .selectAll('surveys')
    .select((eb) =>
      eb
        .selectFrom('survey_responses')
        .select((e) => e.fn.countAll<string | number>().as('n'))
        .whereRef('survey_responses.survey_id', '=', 'surveys.id')
        .where('survey_responses.duplicate', '=', 0)
        .as('responses')
    )
    .where('municipality_id', '=', municipalityId);
  if (onlyOpenOn)
    q = q
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('opens_on', 'is', null), eb('opens_on', '<=', onlyOpenOn)]))
      .where((eb) => eb.or([eb('closes_on', 'is', null), eb('closes_on', '>=', onlyOpenOn)]));
  return q.orderBy('created_at', 'desc').limit(100).execute();
};

export const updateSurveyRow = (db: Executor, id: string, patch: Partial<SurveyTable>) =>
  db.updateTable('surveys').set(patch).where('id', '=', id).execute();

/** Removes a question, its options and any condition that pointed at it (only before answers exist). */
export async function deleteQuestion(db: Executor, questionId: string): Promise<void> {
  await db
    .updateTable('survey_questions')
    .set({ condition_question_id: null, condition_option_id: null })
    .where('condition_question_id', '=', questionId)
    .execute();
  await db.deleteFrom('survey_options').where('question_id', '=', questionId).execute();
  await db.deleteFrom('survey_questions').where('id', '=', questionId).execute();
}

/** Inserts a response and its answers. */
export async function insertResponse(
  db: Executor,
  response: SurveyResponseTable,
  answers: SurveyAnswerTable[]
): Promise<void> {
  // PostgreSQL takes the response and its answers in one statement (one round trip for both).
  if (
    answers.length > 0 &&
    answers.length <= 200 &&
    db.getExecutor().adapter instanceof PostgresAdapter
  ) {
    await db
      .with('response', (w) => w.insertInto('survey_responses').values(response))
      .insertInto('survey_answers')
      .values(answers)
      .execute();
    return;
  }
  await db.insertInto('survey_responses').values(response).execute();
  for (let i = 0; i < answers.length; i += 200)
    await db
      .insertInto('survey_answers')
      .values(answers.slice(i, i + 200))
      .execute();
}

/** Counted and flagged responses of a survey, by source. */
export async function responseCounts(db: Executor, surveyId: string) {
  return db
    .selectFrom('survey_responses')
    .select(['duplicate', 'source', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('survey_id', '=', surveyId)
    .groupBy(['duplicate', 'source'])
    .execute();
}

/** Does the survey have any responses (questions are then locked)? */
export async function hasResponses(db: Executor, surveyId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('survey_responses')
    .select('id')
    .where('survey_id', '=', surveyId)
    .executeTakeFirst());
}

/** Whether an answer belongs to a survey (an answer id from a form is checked before it is coded). */
export const findAnswerOfSurvey = (db: Executor, answerId: string, surveyId: string) =>
  db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select('survey_answers.id')
    .where('survey_answers.id', '=', answerId)
    .where('survey_responses.survey_id', '=', surveyId)
    .executeTakeFirst();

/** The ids of a survey's free-text answers, in the order they came in. */
export const textAnswerIds = async (db: Executor, surveyId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('survey_answers')
      .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
      .select('survey_answers.id')
      .where('survey_responses.survey_id', '=', surveyId)
      .where('survey_answers.text', 'is not', null)
      .orderBy('survey_responses.submitted_at')
      .execute()
  ).map((r) => r.id);

/** A demo survey of a municipality by its title, or undefined. */
export const findDemoSurvey = (db: Executor, municipalityId: string, title: string) =>
  db
    .selectFrom('surveys')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('demo', '=', 1)
    .where('title_sv', '=', title)
    .executeTakeFirst();
