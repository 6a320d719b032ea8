import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { NotFoundError } from '$lib/server/services/shared/errors';
import {
  latestReportVersion,
  reportPath
} from '$lib/server/services/publication/report-public.service';

/**
 * A report's address without a version leads to its newest version. A page (not an endpoint), so
 * an unknown report gets the site's error page rather than JSON.
 */
export const load: PageServerLoad = async ({ params }) => {
  const { ctx } = await getApp();
  let version: number;
  try {
    version = await latestReportVersion(ctx, params.code, params.reportId);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
  redirect(307, reportPath(params.code, params.reportId, version));
};
