import type { RequestHandler } from './$types';
import { withApi } from '$lib/server/http';
import { openFollowUpCsv } from '$lib/server/services/publication/public-data.service';

/** Open data (CC0): see /data for the columns. */
export const GET: RequestHandler = (event) =>
  withApi(event, async ({ params, url, ctx }) => {
    const file = await openFollowUpCsv(ctx, params.id, Object.fromEntries(url.searchParams));
    return new Response(file.body, { headers: file.headers });
  });
