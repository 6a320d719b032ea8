import type { RequestHandler } from './$types';
import { robotsTxt } from '$lib/server/services/publication/sitemap.service';

export const GET: RequestHandler = async ({ url, locals }) => {
  const { ctx } = locals;
  return new Response(robotsTxt(ctx.config.origin ?? url.origin, ctx.config.demo), {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'public, max-age=3600'
    }
  });
};
