import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { municipalityFeedEntries } from '$lib/server/services/publication/report-feed.service';
import { publicMunicipality } from '$lib/server/services/publication/report-public.service';

/** The readable page of the Atom feed: what it carries and how to subscribe. */
export const load: PageServerLoad = async ({ params, url }) => {
  const { ctx } = await getApp();
  try {
    const municipality = await publicMunicipality(ctx, params.code);
    const feed = await municipalityFeedEntries(ctx, params.code, ctx.config.origin ?? url.origin);
    return { municipality, feed };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
