import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { withApi } from '$lib/server/http';
import { widgetSummary } from '$lib/server/services/publication/widget.service';

// Any website may embed the widget: this small public summary is open to every origin.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'cross-origin-resource-policy': 'cross-origin'
};

/** The widget's data: the status counts of a municipality's agreement this tertial. */
export const GET: RequestHandler = async (event) => {
  const r = await withApi(event, async ({ params, url, ctx }) =>
    json(await widgetSummary(ctx, params.code, ctx.config.origin ?? url.origin))
  );
  // Answers and failures alike carry the CORS headers.
  for (const [k, v] of Object.entries(CORS)) r.headers.set(k, v);
  return r;
};

export const OPTIONS: RequestHandler = () => new Response(null, { status: 204, headers: CORS });
