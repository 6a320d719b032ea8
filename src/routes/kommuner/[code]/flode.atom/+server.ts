import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { municipalityFeed } from '$lib/server/services/publication/report-feed.service';

/** The municipality's Atom feed of published reports and news. */
export const GET: RequestHandler = async ({ params, url }) => {
  const { ctx } = await getApp();
  try {
    const body = await municipalityFeed(ctx, params.code, ctx.config.origin ?? url.origin);
    return new Response(body, {
      headers: {
        'content-type': 'application/atom+xml; charset=utf-8',
        'cache-control': 'public, max-age=300'
      }
    });
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
