import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { municipalityWalks } from '$lib/server/services/walks/walk-public.service';

// No JavaScript needed: a list of links.
export const csr = false;

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ ctx, params, locals }) => municipalityWalks(ctx, params.code, locals.lang));
