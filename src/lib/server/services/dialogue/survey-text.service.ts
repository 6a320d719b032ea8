import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { MIN_RESPONDENTS } from '../../../core/survey-disclosure';
import {
  textAnswerCount,
  textAnswerRows
} from '../../db/repositories/dialogue/survey-analysis.repository';
import { answerThemeRows } from '../../db/repositories/dialogue/theme.repository';
import { respondents } from './survey-analysis.service';
import { assertStaff, isSurveyOwner, loadSurveyQuestions, requireSurvey } from './survey-access';
import { suggestSurveyThemes, surveyScope, themeFrame } from './theme.service';

/** Free-text answers shown on one page. */
export const TEXT_PAGE_SIZE = 25;

/** Labels for what masking found. */
export const PERSONAL_DATA_LABELS: Record<string, string> = {
  personnummer: 'personnummer',
  phone: 'telefonnummer',
  email: 'e-postadress',
  address: 'adress',
  name: 'namn'
};

/**
 * Free-text answers a page at a time, with their theme coding. Only the survey's owners see the
 * original text; everyone else sees it with personal data masked, and only once MIN_RESPONDENTS
 * respondents are counted (`waiting` until then; owners see it at once, to code themes). No area
 * or age band is ever given beside an answer.
 */
export async function textAnswers(
  ctx: Ctx,
  actor: Actor | null,
  surveyId: string,
  options: { page?: number } = {}
) {
  assertStaff(actor);
  const survey = await requireSurvey(ctx, surveyId);
  const owner = await isSurveyOwner(ctx, actor, survey);
  if (owner) await suggestSurveyThemes(ctx, surveyId);
  const questions = await loadSurveyQuestions(ctx, surveyId);
  const waiting = !owner && (await respondents(ctx, surveyId)).counted < MIN_RESPONDENTS;
  const total = await textAnswerCount(ctx.db, surveyId);
  const pages = waiting ? 1 : Math.max(1, Math.ceil(total / TEXT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const rows = waiting
    ? []
    : await textAnswerRows(ctx.db, surveyId, {
        limit: TEXT_PAGE_SIZE,
        offset: (page - 1) * TEXT_PAGE_SIZE
      });
  const frame = await themeFrame(ctx, surveyScope(survey));
  const coding = await answerThemeRows(
    ctx.db,
    rows.map((r) => r.id)
  );
  return {
    survey: { id: survey.id, title: survey.title_sv, demo: survey.demo === 1 },
    owner,
    waiting,
    themes: frame.map((t) => ({ id: t.id, label: t.label })),
    page,
    pages,
    total,
    answers: rows.map((r) => ({
      id: r.id,
      question: questions.find((q) => q.id === r.questionId)?.text.sv ?? '',
      text: owner ? (r.text ?? '') : (r.masked ?? ''),
      masked: !owner && !!r.personalData,
      personalData: (r.personalData ?? '')
        .split(',')
        .filter(Boolean)
        .map((k) => PERSONAL_DATA_LABELS[k] ?? k),
      paper: r.source === 'paper',
      demo: r.demo === 1,
      themes: coding
        .filter((c) => c.answer_id === r.id)
        .map((c) => ({
          themeId: c.theme_id,
          label: frame.find((t) => t.id === c.theme_id)?.label ?? '',
          status: c.status,
          matched: c.matched
        }))
    }))
  };
}
