import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { withLoad } from '$lib/server/http';
import { mapTiles } from '$lib/server/services/publication/map-tiles.service';

/**
 * The municipality's map tiles for the walk maps (WalkMap.svelte asks when JavaScript runs):
 * `{ url, attribution }`, or `{ url: null }` when it has none and the pages show lists only.
 */
export const GET: RequestHandler = (event) =>
  withLoad(event, async ({ params, ctx }) =>
    json((await mapTiles(ctx, params.code)) ?? { url: null, attribution: '' }, {
      headers: { 'cache-control': 'public, max-age=300' }
    })
  );
