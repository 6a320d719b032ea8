import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { jsonBody, withApi } from '$lib/server/http';
import { recordObservation } from '$lib/server/services/walks/observation.service';
import { parseInput, queryObject } from '$lib/server/services/shared/validation';
import { openDataFailure, openDataJson, openDataPreflight } from '$lib/server/api/respond';
import {
  observationsCsv,
  observationsAsGeoJson,
  openObservations,
  openObservationsQuery
} from '$lib/server/services/walks/walk-public.service';

/** The approved observations of a walk: `?format=json|csv|geojson` (GeoJSON per RFC 7946). */
export const GET: RequestHandler = async ({ url, request, params, locals }) => {
  try {
    const { format } = parseInput(openObservationsQuery, queryObject(url.searchParams));
    const list = await openObservations(locals.ctx, params.id);
    if (format === 'csv')
      return new Response(observationsCsv(list), {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="vandring-${params.id}.csv"`,
          'access-control-allow-origin': '*'
        }
      });
    if (format === 'geojson') {
      const res = openDataJson(request, observationsAsGeoJson(list));
      if (res.status === 200)
        res.headers.set('content-type', 'application/geo+json; charset=utf-8');
      return res;
    }
    return openDataJson(request, list);
  } catch (e) {
    return openDataFailure(e);
  }
};

export const OPTIONS: RequestHandler = () => openDataPreflight();

/**
 * Records an observation (reporters and editors of the walk's agreement). The same
 * `idempotencyKey` again answers 200 with the observation stored the first time: a phone's
 * queue sends again safely.
 */
export const POST: RequestHandler = (event) =>
  withApi(
    event,
    async ({ ctx, actor, params, request }) => {
      const { observation, created } = await recordObservation(
        ctx,
        actor,
        params.id,
        await jsonBody(request)
      );
      return json(observation, { status: created ? 201 : 200 });
    },
    { signIn: true }
  );
