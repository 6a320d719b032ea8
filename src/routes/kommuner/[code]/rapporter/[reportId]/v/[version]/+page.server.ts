import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { reportChartSvg } from '$lib/server/render/publication/report-chart';
import { swedishDay } from '$lib/server/render/publication/report-pdf-kit';
import {
  getReportVersion,
  reportChangesSincePublication
} from '$lib/server/services/publication/report-public.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, ctx, locals }) => {
    const report = await getReportVersion(
      ctx,
      params.code,
      params.reportId,
      Number(params.version)
    );
    return {
      report,
      changes: await reportChangesSincePublication(ctx, report),
      publishedDay: swedishDay(report.publishedAt),
      versions: report.versions.map((v) => ({ ...v, day: swedishDay(v.publishedAt) })),
      chart: reportChartSvg(report.content, locals.lang)
    };
  });
