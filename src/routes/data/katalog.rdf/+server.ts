import type { RequestHandler } from './$types';
import { catalogueRdf } from '$lib/server/render/publication/dcat-rdf';
import { openDataCatalogue } from '$lib/server/services/publication/catalogue.service';

/** The DCAT-AP-SE catalogue of every published agreement (harvested by dataportal.se). */
export const GET: RequestHandler = async ({ url, locals }) => {
  const { ctx } = locals;
  const body = catalogueRdf(await openDataCatalogue(ctx, ctx.config.origin ?? url.origin));
  return new Response(body, {
    headers: {
      'content-type': 'application/rdf+xml; charset=utf-8',
      'access-control-allow-origin': '*'
    }
  });
};
