import type { RequestHandler } from './$types';
import { WIDGET_JS } from '$lib/server/render/publication/widget-script';

/** The embeddable widget's script (plain JavaScript, see widget-script.ts). */
export const GET: RequestHandler = () =>
  new Response(WIDGET_JS, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'cross-origin-resource-policy': 'cross-origin',
      'access-control-allow-origin': '*'
    }
  });
