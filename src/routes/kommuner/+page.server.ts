import type { PageServerLoad } from './$types';
import { z } from 'zod';
import { searchMunicipalities } from '$lib/server/services/accounts/organisation.service';

const PAGE = 50;
const query = z.object({
  q: z.string().max(100).catch(''),
  sida: z.coerce.number().int().min(1).max(100).catch(1)
});

export const load: PageServerLoad = async ({ url, locals }) => {
  const { ctx } = locals;
  const { q, sida } = query.parse(Object.fromEntries(url.searchParams));
  const rows = await searchMunicipalities(ctx, q, PAGE + 1, (sida - 1) * PAGE);
  return { q, page: sida, municipalities: rows.slice(0, PAGE), hasMore: rows.length > PAGE };
};
