import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { dashboardCharts } from '$lib/server/render/follow-up/dashboard-charts';
import { agreementDashboard } from '$lib/server/services/follow-up/dashboard.service';
import { NotFoundError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const { ctx } = await getApp();
  try {
    const dashboard = await agreementDashboard(
      ctx,
      locals.actor,
      params.id,
      { part: url.searchParams.get('part') ?? undefined },
      { lang: locals.lang }
    );
    return { dashboard, charts: dashboardCharts(dashboard) };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
