import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { focusAreaChart } from '$lib/server/render/publication/public-charts';
import { canEditAgreement } from '$lib/server/services/agreements/agreement.service';
import { municipalityPage } from '$lib/server/services/publication/public-site.service';
import { listNews } from '$lib/server/services/publication/news.service';
import { listPublishedReports } from '$lib/server/services/publication/report-public.service';
import { listOpenSurveys } from '$lib/server/services/dialogue/survey.service';
import { publicProfile } from '$lib/server/services/publication/municipality-profile.service';
import { walkPagesOfEvents } from '$lib/server/services/walks/walk-public.service';

// The public page needs no JavaScript: no hydration, no serialized data, a small page.
export const csr = false;

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, ctx, actor, locals }) => {
    const page = await municipalityPage(ctx, params.code);
    const [surveys, reports, news, profile] = await Promise.all([
      listOpenSurveys(ctx, `kommun-${params.code}`),
      listPublishedReports(ctx, params.code, 3),
      listNews(ctx, params.code, 3),
      publicProfile(ctx, `kommun-${params.code}`, params.code)
    ]);
    return {
      page,
      profile,
      chart: page.agreement ? focusAreaChart(page.agreement, locals.lang) : null,
      dialogues: surveys.map((s) => ({
        // Demo surveys are labelled, once (a demo title may already say so).
        title: s.demo && !/\(demo\)/i.test(s.title) ? `${s.title} (demo)` : s.title,
        href: s.href,
        closes: s.closesOn
      })),
      reports: reports.reports,
      news: news.news,
      editable: page.agreement ? await canEditAgreement(ctx, actor, page.agreement.view.id) : false,
      // Events that announce a walk link to its page (residents point out places there).
      walkLinks: await walkPagesOfEvents(
        ctx,
        params.code,
        (page.agreement?.events ?? []).map((e) => e.id)
      )
    };
  });
