import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { focusAreaChart } from '$lib/server/render/publication/public-charts';
import { canEditAgreement } from '$lib/server/services/agreements/agreement.service';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { municipalityPage } from '$lib/server/services/publication/public-site.service';
import { listNews } from '$lib/server/services/publication/news.service';
import { listPublishedReports } from '$lib/server/services/publication/report-public.service';
import { listOpenSurveys } from '$lib/server/services/dialogue/survey.service';

// The public page needs no JavaScript: no hydration, no serialized data, a small page.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
  const { ctx } = await getApp();
  try {
    const page = await municipalityPage(ctx, params.code);
    const [surveys, reports, news] = await Promise.all([
      listOpenSurveys(ctx, `kommun-${params.code}`),
      listPublishedReports(ctx, params.code, 3),
      listNews(ctx, params.code, 3)
    ]);
    return {
      page,
      chart: page.agreement ? focusAreaChart(page.agreement) : null,
      dialogues: surveys.map((s) => ({
        title: s.demo ? `${s.title} (demo)` : s.title,
        href: s.href,
        closes: s.closesOn
      })),
      reports: reports.reports,
      news: news.news,
      editable: page.agreement
        ? await canEditAgreement(ctx, locals.actor, page.agreement.view.id)
        : false
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
