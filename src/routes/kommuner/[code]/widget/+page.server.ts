import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { widgetCspNeeds, widgetSnippet } from '$lib/server/render/publication/widget-script';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { publishedAgreementsOf } from '$lib/server/services/publication/public-site.service';

export const load: PageServerLoad = async ({ params, url }) => {
  const { ctx } = await getApp();
  try {
    const { municipality } = await publishedAgreementsOf(ctx, params.code);
    const origin = ctx.config.origin ?? url.origin;
    return {
      municipality: { code: params.code, name: municipality.name },
      snippet: widgetSnippet(origin, params.code, municipality.name),
      csp: widgetCspNeeds(origin)
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
