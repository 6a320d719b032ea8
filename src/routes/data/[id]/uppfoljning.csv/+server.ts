import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { apiFailure } from '$lib/server/http';
import { openFollowUpCsv } from '$lib/server/services/publication/public-data.service';

/** Open data (CC0): see /data for the columns. */
export const GET: RequestHandler = async ({ params, url }) => {
  const { ctx } = await getApp();
  try {
    const file = await openFollowUpCsv(ctx, params.id, Object.fromEntries(url.searchParams));
    return new Response(file.body, { headers: file.headers });
  } catch (e) {
    return apiFailure(e);
  }
};
