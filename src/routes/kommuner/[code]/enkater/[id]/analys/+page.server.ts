import type { PageServerLoad } from './$types';
import { indexLevel } from '$lib/core/problem-index';
import { answerBarsSvg, problemIndexSvg } from '$lib/server/render/survey-charts';
import { surveyAnalysis } from '$lib/server/services/survey-analysis.service';
import { isSurveyOwnerById } from '$lib/server/services/survey-builder.service';
import { surveyLoad } from '../../staff';

export const load: PageServerLoad = ({ params, url, locals }) =>
  surveyLoad(params, url, locals.actor, async (ctx, actor) => {
    const a = await surveyAnalysis(ctx, actor, params.id);
    return {
      ...a,
      owner: await isSurveyOwnerById(ctx, actor, params.id),
      indexChart: a.problemIndex.items.length
        ? problemIndexSvg(a.problemIndex.items, a.formula.scaleMax)
        : null,
      totalLevel: indexLevel(a.problemIndex.total),
      questions: a.questions.map((q) => ({ ...q, chart: answerBarsSvg(q) }))
    };
  });
