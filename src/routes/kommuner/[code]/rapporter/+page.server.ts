import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { listNews } from '$lib/server/services/publication/news.service';
import {
  listPublishedReports,
  pageQuery,
  publicMunicipality
} from '$lib/server/services/publication/report-public.service';

const PER_PAGE = 20;

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, ctx }) => {
    const { sida } = pageQuery.parse(Object.fromEntries(url.searchParams));
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
  });
