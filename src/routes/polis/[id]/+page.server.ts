import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { policeRollup } from '$lib/server/services/follow-up/rollup.service';

const query = z.object({ sida: z.coerce.number().int().min(1).max(1000).catch(1) });

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, url, ctx }) =>
    policeRollup(ctx, params.id, query.parse({ sida: url.searchParams.get('sida') ?? 1 }).sida)
  );
