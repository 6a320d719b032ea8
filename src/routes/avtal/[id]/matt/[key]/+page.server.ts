import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { measureMonthsChart } from '$lib/server/render/follow-up/dashboard-charts';
import { measureHistory } from '$lib/server/services/follow-up/measure-history.service';
import { NotFoundError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const { ctx } = await getApp();
  try {
    const history = await measureHistory(
      ctx,
      locals.actor,
      params.id,
      params.key,
      { sida: url.searchParams.get('sida') ?? undefined },
      { lang: locals.lang }
    );
    return { history, chart: measureMonthsChart(history) };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
