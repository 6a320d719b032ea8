import type { PageServerLoad } from './$types';
import { listPoliceAreas } from '$lib/server/services/accounts/organisation.service';
import { publishedMunicipalities } from '$lib/server/services/publication/public-site.service';

export const load: PageServerLoad = async ({ url, locals }) => {
  const { ctx } = locals;
  const q = (url.searchParams.get('q') ?? '').slice(0, 100);
  return {
    q,
    municipalities: await publishedMunicipalities(ctx, q),
    policeAreas: (await listPoliceAreas(ctx)).filter((p) => p.level === 'polisregion')
  };
};
