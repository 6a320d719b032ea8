import type { RequestHandler } from './$types';
import { withLoad } from '$lib/server/http';
import { municipalityLogo } from '$lib/server/services/publication/municipality-profile.service';

/** The municipality's logo from our own address (no third-party request from residents' browsers). */
export const GET: RequestHandler = (event) =>
  withLoad(event, async ({ params, ctx }) => {
    const logo = await municipalityLogo(ctx, params.code);
    return new Response(new Uint8Array(logo.bytes), {
      headers: {
        'content-type': logo.type,
        // The page links it with ?v= of its last change, so it may be cached for long.
        'cache-control': 'public, max-age=86400',
        'x-content-type-options': 'nosniff'
      }
    });
  });
