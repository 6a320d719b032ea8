import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { withLoad } from '$lib/server/http';
import {
  municipalityFeedDocument,
  notModified,
  wantsFeedPage
} from '$lib/server/services/publication/report-feed.service';

/**
 * The municipality's Atom feed of published reports and news. A browser following a link (it asks
 * for text/html, not for Atom) is sent to the readable page that explains how to subscribe;
 * `?atom` always gives the XML. Conditional GETs get 304 (ETag and Last-Modified).
 */
export const GET: RequestHandler = (event) =>
  withLoad(event, async ({ params, url, request, ctx }) => {
    if (!url.searchParams.has('atom') && wantsFeedPage(request.headers.get('accept')))
      redirect(303, `/kommuner/${params.code}/flode`);
    const feed = await municipalityFeedDocument(ctx, params.code, ctx.config.origin ?? url.origin);
    const headers = {
      etag: feed.etag,
      'last-modified': feed.lastModified.toUTCString(),
      'cache-control': 'public, max-age=300',
      vary: 'Accept'
    };
    if (notModified(request.headers, feed)) return new Response(null, { status: 304, headers });
    return new Response(feed.body, {
      headers: { ...headers, 'content-type': 'application/atom+xml; charset=utf-8' }
    });
  });
