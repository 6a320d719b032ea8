import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { nationalOverview } from '$lib/server/services/follow-up/national-rollup.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ url, ctx }) =>
    nationalOverview(ctx, { kind: 'nation' }, { year: url.searchParams.get('ar') ?? undefined })
  );
