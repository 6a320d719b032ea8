import { createHash } from 'node:crypto';
import { answerSetText, readAnswers, valuesByKey } from '../../core/survey';
import { SYSTEM } from '../auth/policy';
import { findDemoSurvey, textAnswerIds } from '../db/repositories/dialogue/survey.repository';
import type { Ctx } from '../context';
import { answerThemeRows, decideAnswerTheme } from '../db/repositories/dialogue/theme.repository';
import { NORSJO_DEMO_SURVEY, NORSJO_EXTRA_ITEMS, norsjoSurveyAnswers } from './norsjo-survey';
import { findNorsjoAgreementId, norsjoIds } from './norsjo.service';
import { loadSurveyQuestions, requireSurvey } from '../services/dialogue/survey-access';
import { storeResponse } from '../services/dialogue/survey-response.service';
import { createSurvey, updateSurvey } from '../services/dialogue/survey.service';
import { suggestSurveyThemes } from '../services/dialogue/theme.service';

/**
 * Demo mode only: Norsjö's 2019 web survey as a closed demo survey with ~150 invented answers,
 * its free text suggested into themes and two in three suggestions confirmed (the rest left for
 * the coding page). Does nothing when the demo survey exists.
 */
export async function ensureNorsjoDemoSurvey(ctx: Ctx): Promise<string | null> {
  if (!ctx.config.demo) throw new Error('Demo data exists only in demo mode');
  const municipalityId = norsjoIds().municipality;
  const existing = await findDemoSurvey(ctx.db, municipalityId, NORSJO_DEMO_SURVEY.title);
  if (existing) return existing.id;
  const agreementId = await findNorsjoAgreementId(ctx);
  const { id } = await createSurvey(
    ctx,
    SYSTEM,
    '2417',
    { ...NORSJO_DEMO_SURVEY, agreementId: agreementId ?? '' },
    { demo: true, extraItems: NORSJO_EXTRA_ITEMS }
  );
  const survey = await requireSurvey(ctx, id);
  const questions = await loadSurveyQuestions(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    for (const a of norsjoSurveyAnswers()) {
      const { answers } = readAnswers(questions, valuesByKey(questions, a.values));
      const hash = createHash('sha256')
        .update(`${id}:${answerSetText(answers)}`)
        .digest('hex');
      await storeResponse(trx, survey, questions, answers, {
        at: a.at,
        source: 'web',
        duplicate: false,
        hash,
        by: null
      });
    }
  });
  await updateSurvey(ctx, SYSTEM, id, { ...NORSJO_DEMO_SURVEY, status: 'closed' });
  await suggestSurveyThemes(ctx, id);
  const textIds = await textAnswerIds(ctx.db, id);
  const coding = await answerThemeRows(ctx.db, textIds);
  const confirmEvery = new Set(textIds.filter((_, i) => i % 3 !== 2));
  for (const c of coding.filter((c) => confirmEvery.has(c.answer_id)))
    await decideAnswerTheme(ctx.db, {
      ...c,
      status: 'confirmed',
      decided_by: null,
      decided_at: ctx.now().toISOString()
    });
  return id;
}
