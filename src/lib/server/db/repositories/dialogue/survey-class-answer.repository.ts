/**
 * A class's answer in one statement on PostgreSQL (issue 15: survey answers that keep up). An
 * answer from a rendered form with a class code was five statements in a transaction (begin,
 * claim the form's token, take a place of the class code, store the response with its answers,
 * commit), and under 200 classmates answering at once the server spent a quarter of its time
 * writing statements to PostgreSQL's socket. Here it is one statement, all or nothing by itself:
 *
 * 1. a place of the class code is taken only below its capacity and only if the form's token is
 *    not claimed yet;
 * 2. the token is claimed only if a place was taken;
 * 3. the response and its answers are stored only if the token was claimed.
 *
 * When no place was taken nothing was written: the caller finds out why the usual way (the form
 * was sent before, the code is full, or there is no such code). One case writes a place without
 * a claim: the same form sent twice at the same moment (both see the token unclaimed, the second
 * claim meets the first). The caller gives the place back (`releaseClassPlace`).
 */
import { sql } from 'kysely';
import { PostgresAdapter } from 'kysely';
import type { SurveyAnswerTable, SurveyResponseTable } from '../../schema';
import type { Executor } from '../../types';

/** Answer rows one statement takes at most (a longer form goes the usual way). */
const MOST_ANSWERS = 200;

/** What the one statement did: the place it took (if any) and whether the token was claimed. */
export type ClassAnswerOutcome = { placeId: string | null; claimed: boolean };

/**
 * Takes a place, claims the token and stores the response in one statement; null where that is
 * not done in one statement (SQLite, where answers share a commit instead; no answer rows; a very
 * long form).
 */
export async function storeClassAnswer(
  db: Executor,
  a: {
    surveyId: string;
    tokenHash: string;
    day: string;
    codeHash: string;
    response: SurveyResponseTable;
    answers: readonly SurveyAnswerTable[];
  }
): Promise<ClassAnswerOutcome | null> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return null;
  if (a.answers.length === 0 || a.answers.length > MOST_ANSWERS) return null;
  const r = a.response;
  // The answers as one array per column: the statement's text is the same for every form.
  const column = (pick: (x: SurveyAnswerTable) => string | null) => a.answers.map(pick);
  const result = await sql<{ place_id: string | null; claimed: boolean }>`
    with place as (
      update survey_class_codes set used = used + 1
      where survey_id = ${a.surveyId} and code_hash = ${a.codeHash} and used < capacity
        and not exists (
          select 1 from survey_submissions
          where survey_id = ${a.surveyId} and token_hash = ${a.tokenHash}
        )
      returning id
    ), claim as (
      insert into survey_submissions (survey_id, token_hash, day)
      select ${a.surveyId}, ${a.tokenHash}, ${a.day} from place
      on conflict (survey_id, token_hash) do nothing
      returning token_hash
    ), response as (
      insert into survey_responses (id, survey_id, source, submitted_at, area_option_id,
        age_option_id, answer_set_hash, duplicate, entered_by, demo)
      select ${r.id}, ${r.survey_id}, ${r.source}, ${r.submitted_at}, ${r.area_option_id}::text,
        ${r.age_option_id}::text, ${r.answer_set_hash}, ${r.duplicate}::integer,
        ${r.entered_by}::text, ${r.demo}::integer
      from claim
      returning id
    ), answers as (
      insert into survey_answers (id, response_id, question_id, option_id, text, text_masked,
        personal_data)
      select v.id, response.id, v.question_id, v.option_id, v.text, v.text_masked,
        v.personal_data
      from unnest(${column((x) => x.id)}::text[], ${column((x) => x.question_id)}::text[],
        ${column((x) => x.option_id)}::text[], ${column((x) => x.text)}::text[],
        ${column((x) => x.text_masked)}::text[], ${column((x) => x.personal_data)}::text[])
        as v(id, question_id, option_id, text, text_masked, personal_data), response
    )
    select (select id from place) as place_id, exists (select 1 from claim) as claimed
  `.execute(db);
  const row = result.rows[0]!;
  return { placeId: row.place_id, claimed: row.claimed };
}

/** Gives back a place taken for a form whose token another request claimed at the same moment. */
export async function releaseClassPlace(db: Executor, placeId: string): Promise<void> {
  await db
    .updateTable('survey_class_codes')
    .set((eb) => ({ used: eb('used', '-', 1) }))
    .where('id', '=', placeId)
    .where('used', '>', 0)
    .execute();
}
