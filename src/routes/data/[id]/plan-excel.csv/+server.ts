import type { RequestHandler } from './$types';
import { withApi } from '$lib/server/http';
import { openPlanCsv } from '$lib/server/services/publication/public-data.service';

/** The plan as a semicolon CSV that a Swedish Excel opens in columns (CC0; same columns as plan.csv). */
export const GET: RequestHandler = (event) =>
  withApi(event, async ({ params, ctx }) => {
    const file = await openPlanCsv(ctx, params.id, 'excel');
    return new Response(file.body, { headers: file.headers });
  });
