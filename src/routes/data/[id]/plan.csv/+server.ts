import type { RequestHandler } from './$types';
import { withApi } from '$lib/server/http';
import { openPlanCsv } from '$lib/server/services/publication/public-data.service';

/** Open data (CC0): see /data for the columns. */
export const GET: RequestHandler = (event) =>
  withApi(event, async ({ params, ctx }) => {
    const file = await openPlanCsv(ctx, params.id);
    return new Response(file.body, { headers: file.headers });
  });
