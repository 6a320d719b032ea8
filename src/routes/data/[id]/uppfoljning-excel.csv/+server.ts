import type { RequestHandler } from './$types';
import { withApi } from '$lib/server/http';
import { openFollowUpCsv } from '$lib/server/services/publication/public-data.service';

/** The follow-up as a semicolon CSV that a Swedish Excel opens in columns (CC0; same columns as uppfoljning.csv). */
export const GET: RequestHandler = (event) =>
  withApi(event, async ({ params, url, ctx }) => {
    const file = await openFollowUpCsv(
      ctx,
      params.id,
      Object.fromEntries(url.searchParams),
      'excel'
    );
    return new Response(file.body, { headers: file.headers });
  });
