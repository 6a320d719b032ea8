import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { widgetCspNeeds, widgetSnippet } from '$lib/server/render/publication/widget-script';
import { publishedAgreementsOf } from '$lib/server/services/publication/public-site.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, ctx }) => {
    const { municipality } = await publishedAgreementsOf(ctx, params.code);
    const origin = ctx.config.origin ?? url.origin;
    return {
      municipality: { code: params.code, name: municipality.name },
      snippet: widgetSnippet(origin, params.code, municipality.name),
      csp: widgetCspNeeds(origin)
    };
  });
