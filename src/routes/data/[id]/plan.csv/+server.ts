import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { apiFailure } from '$lib/server/http';
import { openPlanCsv } from '$lib/server/services/publication/public-data.service';

/** Open data (CC0): see /data for the columns. */
export const GET: RequestHandler = async ({ params }) => {
  const { ctx } = await getApp();
  try {
    const file = await openPlanCsv(ctx, params.id);
    return new Response(file.body, { headers: file.headers });
  } catch (e) {
    return apiFailure(e);
  }
};
