import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { apiFailure } from '$lib/server/http';
import { widgetSummary } from '$lib/server/services/publication/widget.service';

// Any website may embed the widget: this small public summary is open to every origin.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'cross-origin-resource-policy': 'cross-origin'
};

/** The widget's data: the status counts of a municipality's agreement this tertial. */
export const GET: RequestHandler = async ({ params, url }) => {
  const { ctx } = await getApp();
  try {
    return json(await widgetSummary(ctx, params.code, ctx.config.origin ?? url.origin), {
      headers: CORS
    });
  } catch (e) {
    const r = apiFailure(e);
    for (const [k, v] of Object.entries(CORS)) r.headers.set(k, v);
    return r;
  }
};

export const OPTIONS: RequestHandler = () => new Response(null, { status: 204, headers: CORS });
