import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { listNews } from '$lib/server/services/publication/news.service';
import {
  listPublishedReports,
  pageQuery,
  publicMunicipality
} from '$lib/server/services/publication/report-public.service';

const PER_PAGE = 20;

export const load: PageServerLoad = async ({ params, url }) => {
  const { ctx } = await getApp();
  const { sida } = pageQuery.parse(Object.fromEntries(url.searchParams));
  try {
    const municipality = await publicMunicipality(ctx, params.code);
    const [{ reports, total }, news] = await Promise.all([
      listPublishedReports(ctx, params.code, PER_PAGE, (sida - 1) * PER_PAGE),
      listNews(ctx, params.code, 3, 0)
    ]);
    return {
      municipality,
      reports,
      news: news.news,
      page: sida,
      pages: Math.max(1, Math.ceil(total / PER_PAGE))
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
