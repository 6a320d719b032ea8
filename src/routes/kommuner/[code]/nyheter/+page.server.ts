import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { listNews } from '$lib/server/services/publication/news.service';
import {
  pageQuery,
  publicMunicipality
} from '$lib/server/services/publication/report-public.service';

const PER_PAGE = 20;

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, ctx }) => {
    const { sida } = pageQuery.parse(Object.fromEntries(url.searchParams));
    const municipality = await publicMunicipality(ctx, params.code);
    const { news, total } = await listNews(ctx, params.code, PER_PAGE, (sida - 1) * PER_PAGE);
    return { municipality, news, page: sida, pages: Math.max(1, Math.ceil(total / PER_PAGE)) };
  });
