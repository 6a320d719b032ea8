/**
 * The rows one survey response is stored as: the response (with its area and age band copied for
 * breakdowns) and one row per chosen option or free text (masked for analysts). Ids in insertion
 * order (`orderedId`): a random part per process and a counter, never a time.
 */
import { maskPersonalData } from '../../../core/personal-data';
import type { ParsedAnswer, SurveyQuestion } from '../../../core/survey';
import type { Executor } from '../../context';
import { orderedId } from '../../context';
import { insertResponse } from '../../db/repositories/dialogue/survey.repository';
import type { SurveyAnswerTable, SurveyResponseTable, SurveyTable } from '../../db/schema';

/** The rows of one response: area and age band copied to the response for breakdowns, free text masked. */
export function responseRows(
  survey: SurveyTable,
  questions: readonly SurveyQuestion[],
  answers: readonly ParsedAnswer[],
  meta: { at: string; source: 'web' | 'paper'; duplicate: boolean; hash: string; by: string | null }
): { response: SurveyResponseTable; answers: SurveyAnswerTable[] } {
  const kindOf = new Map(questions.map((q) => [q.id, q.kind]));
  const first = (kind: 'area' | 'age') =>
    answers.find((a) => kindOf.get(a.questionId) === kind)?.optionIds[0] ?? null;
  const responseId = orderedId();
  return {
    response: {
      id: responseId,
      survey_id: survey.id,
      source: meta.source,
      submitted_at: meta.at,
      area_option_id: first('area'),
      age_option_id: first('age'),
      answer_set_hash: meta.hash,
      duplicate: meta.duplicate ? 1 : 0,
      entered_by: meta.by,
      demo: survey.demo
    },
    answers: answers.flatMap((a): SurveyAnswerTable[] => {
      if (a.text !== null) {
        const m = maskPersonalData(a.text);
        return [
          {
            id: orderedId(),
            response_id: responseId,
            question_id: a.questionId,
            option_id: null,
            text: a.text,
            text_masked: m.masked,
            personal_data: m.found.length ? m.found.join(',') : null
          }
        ];
      }
      return a.optionIds.map((o) => ({
        id: orderedId(),
        response_id: responseId,
        question_id: a.questionId,
        option_id: o,
        text: null,
        text_masked: null,
        personal_data: null
      }));
    })
  };
}

/** Stores one response: area and age band copied to the response for breakdowns, free text masked. */
export async function storeResponse(
  trx: Executor,
  survey: SurveyTable,
  questions: readonly SurveyQuestion[],
  answers: readonly ParsedAnswer[],
  meta: { at: string; source: 'web' | 'paper'; duplicate: boolean; hash: string; by: string | null }
): Promise<void> {
  const rows = responseRows(survey, questions, answers, meta);
  await insertResponse(trx, rows.response, rows.answers);
}
