import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { reportChartSvg } from '$lib/server/render/publication/report-chart';
import {
  correctReport,
  getReportDraft,
  publishReport,
  saveReportDraft
} from '$lib/server/services/publication/report.service';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      const report = await getReportDraft(ctx, actor, params.id, params.reportId);
      return { report, chart: reportChartSvg(report.preview) };
    },
    { signIn: true }
  );

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
  save: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await saveReportDraft(ctx, actor, params.id, params.reportId, draftFrom(form));
      return { saved: true };
    }),
  publish: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await saveReportDraft(ctx, actor, params.id, params.reportId, draftFrom(form));
      const { version } =
        form.get('mode') === 'correct'
          ? await correctReport(ctx, actor, params.id, params.reportId, {
              note: form.get('note') ?? ''
            })
          : await publishReport(ctx, actor, params.id, params.reportId);
      redirect(303, `/avtal/${params.id}/rapporter/${params.reportId}?publicerad=${version}`);
    })
};
