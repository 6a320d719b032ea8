import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { measureMonthsChart } from '$lib/server/render/follow-up/dashboard-charts';
import { measureHistory } from '$lib/server/services/follow-up/measure-history.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, locals, ctx, actor }) => {
    const history = await measureHistory(
      ctx,
      actor,
      params.id,
      params.key,
      { sida: url.searchParams.get('sida') ?? undefined },
      { lang: locals.lang }
    );
    return { history, chart: measureMonthsChart(history) };
  });
