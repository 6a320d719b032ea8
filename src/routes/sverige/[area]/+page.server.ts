import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { nationalOverview } from '$lib/server/services/follow-up/national-rollup.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, url, ctx }) =>
    nationalOverview(
      ctx,
      { kind: 'area', id: params.area },
      { year: url.searchParams.get('ar') ?? undefined }
    )
  );
