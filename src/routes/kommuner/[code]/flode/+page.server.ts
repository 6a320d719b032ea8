import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { municipalityFeedEntries } from '$lib/server/services/publication/report-feed.service';
import { publicMunicipality } from '$lib/server/services/publication/report-public.service';

/** The readable page of the Atom feed: what it carries and how to subscribe. */
export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, ctx }) => {
    const municipality = await publicMunicipality(ctx, params.code);
    const feed = await municipalityFeedEntries(ctx, params.code, ctx.config.origin ?? url.origin);
    return { municipality, feed };
  });
