import type { RequestHandler } from './$types';
import { withApi } from '$lib/server/http';
import {
  observationsAsGeoJson,
  openAgreementObservations
} from '$lib/server/services/walks/walk-public.service';

/** Open data (CC0): the approved walk observations of an agreement with a position, RFC 7946. */
export const GET: RequestHandler = (event) =>
  withApi(event, async ({ params, ctx }) => {
    const list = await openAgreementObservations(ctx, params.id);
    return new Response(JSON.stringify(observationsAsGeoJson(list)), {
      headers: {
        'content-type': 'application/geo+json; charset=utf-8',
        'access-control-allow-origin': '*'
      }
    });
  });
