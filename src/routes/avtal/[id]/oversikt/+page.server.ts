import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { dashboardCharts } from '$lib/server/render/follow-up/dashboard-charts';
import { agreementDashboard } from '$lib/server/services/follow-up/dashboard.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, locals, ctx, actor }) => {
    const dashboard = await agreementDashboard(
      ctx,
      actor,
      params.id,
      { part: url.searchParams.get('part') ?? undefined },
      { lang: locals.lang }
    );
    return { dashboard, charts: dashboardCharts(dashboard) };
  });
