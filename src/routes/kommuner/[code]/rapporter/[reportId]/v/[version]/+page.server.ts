import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { reportChartSvg } from '$lib/server/render/publication/report-chart';
import { swedishDay } from '$lib/server/render/publication/report-pdf-kit';
import { NotFoundError } from '$lib/server/services/shared/errors';
import {
  getReportVersion,
  reportChangesSincePublication
} from '$lib/server/services/publication/report-public.service';

export const load: PageServerLoad = async ({ params }) => {
  const { ctx } = await getApp();
  try {
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
      chart: reportChartSvg(report.content)
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
