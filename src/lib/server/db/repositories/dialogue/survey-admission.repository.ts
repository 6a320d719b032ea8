import type { Executor } from '../../types';
import type { SurveyClassCodeTable } from '../../schema';

/**
 * Counts one hit against a key and says whether it was within the limit, in one statement: the
 * upsert only updates while the window has room (or has passed) and returns the new count, so on
 * PostgreSQL concurrent submissions queue on the row lock instead of all reading "19" and all
 * getting in. A refused hit changes nothing. Returns false when the limit was already reached.
 */
export async function takeWithinLimit(
  db: Executor,
  key: string,
  max: number,
  now: string,
  windowStartAfter: string
): Promise<boolean> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, window_start: now })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({
          count: eb
            .case()
            .when('rate_limits.window_start', '<', windowStartAfter)
            .then(1)
            .else(eb('rate_limits.count', '+', 1))
            .end(),
          window_start: eb
            .case()
            .when('rate_limits.window_start', '<', windowStartAfter)
            .then(now)
            .else(eb.ref('rate_limits.window_start'))
            .end()
        }))
        .where((eb) =>
          eb.or([
            eb('rate_limits.window_start', '<', windowStartAfter),
            eb('rate_limits.count', '<', max)
          ])
        )
    )
    .returning('count')
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a new class code (hashed). */
export const insertClassCode = (db: Executor, row: SurveyClassCodeTable) =>
  db.insertInto('survey_class_codes').values(row).execute();

/**
 * Uses one place of a class code: 'ok' when it had room (atomic: the update only matches below
 * capacity), 'full' when it exists but is used up, 'unknown' when there is no such code.
 */
export async function useClassCode(
  db: Executor,
  surveyId: string,
  hash: string
): Promise<'ok' | 'full' | 'unknown'> {
  const r = await db
    .updateTable('survey_class_codes')
    .set((eb) => ({ used: eb('used', '+', 1) }))
    .where('survey_id', '=', surveyId)
    .where('code_hash', '=', hash)
    .whereRef('used', '<', 'capacity')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1) return 'ok';
  const exists = await db
    .selectFrom('survey_class_codes')
    .select('id')
    .where('survey_id', '=', surveyId)
    .where('code_hash', '=', hash)
    .executeTakeFirst();
  return exists ? 'full' : 'unknown';
}

/** A survey's class codes (without their hashes), oldest first. */
export const classCodeRows = (db: Executor, surveyId: string) =>
  db
    .selectFrom('survey_class_codes')
    .select(['id', 'label', 'capacity', 'used', 'created_at'])
    .where('survey_id', '=', surveyId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Records a form's submission token: false when the same token was already sent (atomic). */
export async function claimSubmission(
  db: Executor,
  surveyId: string,
  tokenHash: string,
  day: string
): Promise<boolean> {
  const row = await db
    .insertInto('survey_submissions')
    .values({ survey_id: surveyId, token_hash: tokenHash, day })
    .onConflict((oc) => oc.columns(['survey_id', 'token_hash']).doNothing())
    .returning('token_hash')
    .executeTakeFirst();
  return row !== undefined;
}

/** Counts one refused answer for a survey under a reason (atomic upsert). */
export async function countRefusal(
  db: Executor,
  surveyId: string,
  reason: string,
  at: string
): Promise<void> {
  await db
    .insertInto('survey_refusals')
    .values({ survey_id: surveyId, reason, count: 1, last_at: at })
    .onConflict((oc) =>
      oc.columns(['survey_id', 'reason']).doUpdateSet((eb) => ({
        count: eb('survey_refusals.count', '+', 1),
        last_at: at
      }))
    )
    .execute();
}

/** A survey's refused answers by reason. */
export const refusalRows = (db: Executor, surveyId: string) =>
  db
    .selectFrom('survey_refusals')
    .select(['reason', 'count', 'last_at'])
    .where('survey_id', '=', surveyId)
    .orderBy('reason')
    .execute();

/** The content of one free-text answer with the survey it belongs to. */
export const textAnswerOf = (db: Executor, answerId: string) =>
  db
    .selectFrom('survey_answers')
    .innerJoin('survey_responses', 'survey_responses.id', 'survey_answers.response_id')
    .select([
      'survey_answers.id',
      'survey_answers.text',
      'survey_answers.text_masked',
      'survey_responses.survey_id'
    ])
    .where('survey_answers.id', '=', answerId)
    .executeTakeFirst();

/** Replaces a free-text answer's text for good: the original and its masked form are overwritten. */
export const overwriteAnswerText = (db: Executor, answerId: string, text: string) =>
  db
    .updateTable('survey_answers')
    .set({ text, text_masked: text, personal_data: null })
    .where('id', '=', answerId)
    .execute();
