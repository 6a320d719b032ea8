import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { reportChartSvg } from '$lib/server/render/publication/report-chart';
import {
  correctReport,
  getReportDraft,
  publishReport,
  saveReportDraft
} from '$lib/server/services/publication/report.service';
import { editorLoad } from '../guard';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { ctx } = await getApp();
  return editorLoad(locals.actor, url, async (actor) => {
    const report = await getReportDraft(ctx, actor, params.id, params.reportId);
    return { report, chart: reportChartSvg(report.preview) };
  });
};

/** The lead and the comment-<measure key> fields of the form. */
const draftFrom = (form: FormData) => ({
  lead: String(form.get('lead') ?? ''),
  comments: Object.fromEntries(
    [...form]
      .filter(([k, v]) => k.startsWith('comment-') && typeof v === 'string')
      .map(([k, v]) => [k.slice('comment-'.length), String(v)])
  )
});

export const actions: Actions = {
  save: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await saveReportDraft(ctx, locals.actor, params.id, params.reportId, draftFrom(form));
      return { saved: true };
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
  },
  publish: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    let version: number;
    try {
      await saveReportDraft(ctx, locals.actor, params.id, params.reportId, draftFrom(form));
      ({ version } =
        form.get('mode') === 'correct'
          ? await correctReport(ctx, locals.actor, params.id, params.reportId, {
              note: form.get('note') ?? ''
            })
          : await publishReport(ctx, locals.actor, params.id, params.reportId));
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${params.id}/rapporter/${params.reportId}?publicerad=${version}`);
  }
};
