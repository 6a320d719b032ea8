import type { PageServerLoad } from './$types';
import { indexLevel } from '$lib/core/problem-index';
import { withLoad } from '$lib/server/http';
import { labelledBarsSvg, problemIndexSvg } from '$lib/server/render/dialogue/survey-charts';
import { assertSurveyInMunicipality } from '$lib/server/services/dialogue/survey-access';
import {
  surveyAnalysis,
  type QuestionResult
} from '$lib/server/services/dialogue/survey-analysis.service';
import { isSurveyOwnerById } from '$lib/server/services/dialogue/survey-builder.service';

/** A question's answers as bars; a small cell of an area or age question reads "färre än 5". */
const answerChart = (q: QuestionResult) =>
  labelledBarsSvg({
    label: `Svar på frågan "${q.text}" (${q.answered ?? 'dolt antal'} svarande)`,
    bars: q.options.map((o) => ({
      name: o.label,
      value: o.n ?? 0,
      text: o.small
        ? 'färre än 5'
        : `${o.n}${o.share === null ? '' : ` (${Math.round(o.share * 100)} %)`}`
    }))
  });

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      await assertSurveyInMunicipality(ctx, params.id, params.code);
      const a = await surveyAnalysis(ctx, actor, params.id);
      return {
        ...a,
        owner: await isSurveyOwnerById(ctx, actor, params.id),
        indexChart: a.problemIndex.items.length
          ? problemIndexSvg(a.problemIndex.items, a.formula.scaleMax)
          : null,
        totalLevel: indexLevel(a.problemIndex.total),
        questions: a.questions.map((q) => ({ ...q, chart: answerChart(q) }))
      };
    },
    { signIn: true }
  );
