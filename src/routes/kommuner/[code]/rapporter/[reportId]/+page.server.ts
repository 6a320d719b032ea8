import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import {
  latestReportVersion,
  reportPath
} from '$lib/server/services/publication/report-public.service';

/**
 * A report's address without a version leads to its newest version. A page (not an endpoint), so
 * an unknown report gets the site's error page rather than JSON.
 */
export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, ctx }) => {
    const version = await latestReportVersion(ctx, params.code, params.reportId);
    redirect(307, reportPath(params.code, params.reportId, version));
  });
