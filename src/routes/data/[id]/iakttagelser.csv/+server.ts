import type { RequestHandler } from './$types';
import { withApi } from '$lib/server/http';
import {
  observationsCsv,
  openAgreementObservations
} from '$lib/server/services/walks/walk-public.service';

/** Open data (CC0): the approved walk observations of an agreement; see /data for the columns. */
export const GET: RequestHandler = (event) =>
  withApi(event, async ({ params, ctx }) => {
    const list = await openAgreementObservations(ctx, params.id);
    return new Response(observationsCsv(list), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="iakttagelser-${params.id}.csv"`,
        'access-control-allow-origin': '*'
      }
    });
  });
