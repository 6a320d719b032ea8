import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { apiFailure } from '$lib/server/http';
import { openFollowUpCsv } from '$lib/server/services/publication/public-data.service';

/** The follow-up as a semicolon CSV that a Swedish Excel opens in columns (CC0; same columns as uppfoljning.csv). */
export const GET: RequestHandler = async ({ params, url }) => {
  const { ctx } = await getApp();
  try {
    const file = await openFollowUpCsv(
      ctx,
      params.id,
      Object.fromEntries(url.searchParams),
      'excel'
    );
    return new Response(file.body, { headers: file.headers });
  } catch (e) {
    return apiFailure(e);
  }
};
