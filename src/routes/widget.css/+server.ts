import type { RequestHandler } from './$types';
import { WIDGET_CSS } from '$lib/server/render/publication/widget-script';

/** The widget's stylesheet, for browsers without constructed stylesheets (see widget-script.ts). */
export const GET: RequestHandler = () =>
  new Response(WIDGET_CSS, {
    headers: {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'cross-origin-resource-policy': 'cross-origin',
      'access-control-allow-origin': '*'
    }
  });
