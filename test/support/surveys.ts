import { valuesByKey, type SurveyQuestion } from '../../src/lib/core/survey';
import type { Actor } from '../../src/lib/server/auth/policy';
import type { Ctx } from '../../src/lib/server/context';
import { loadSurveyQuestions } from '../../src/lib/server/services/dialogue/survey-access';
import { createSurvey, updateSurvey } from '../../src/lib/server/services/dialogue/survey.service';

/** Norsjö's areas as a test survey has them. */
export const TEST_AREAS = ['Norsjö tätort', 'Bastuträsk', 'Kusfors'];

/** Creates and opens a safety survey for Norsjö from the template. */
export async function makeOpenSurvey(
  ctx: Ctx,
  editor: Actor,
  options: { requiresCode?: boolean; title?: string } = {}
): Promise<{ id: string; questions: SurveyQuestion[] }> {
  const head = {
    title: options.title ?? 'Trygghetsenkät 2026',
    opensOn: '2026-11-01',
    closesOn: '2026-12-31',
    requiresCode: options.requiresCode ? 'on' : ''
  };
  const { id } = await createSurvey(ctx, editor, '2417', {
    ...head,
    template: 'safety',
    areas: TEST_AREAS.join('\n')
  });
  await updateSurvey(ctx, editor, id, { ...head, status: 'open' });
  return { id, questions: await loadSurveyQuestions(ctx, id) };
}

/** Form values from answers by question key and option value (see valuesByKey). */
export const formValues = valuesByKey;
