import type { RequestHandler } from './$types';
import { sitemapPaths, sitemapXml } from '$lib/server/services/publication/sitemap.service';

/** Public pages for search engines; cached with the other public pages (public-cache.service). */
export const GET: RequestHandler = async ({ url, locals }) => {
  const { ctx } = locals;
  return new Response(sitemapXml(ctx.config.origin ?? url.origin, await sitemapPaths(ctx)), {
    headers: { 'content-type': 'application/xml; charset=utf-8' }
  });
};
