import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { youSaidWeDo } from '$lib/server/services/dialogue/assessment-public.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx }) => youSaidWeDo(ctx, params.code));
