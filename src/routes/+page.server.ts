import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { listPoliceAreas } from '$lib/server/services/accounts/organisation.service';
import { publishedMunicipalities } from '$lib/server/services/publication/public-site.service';

export const load: PageServerLoad = async ({ url }) => {
  const { ctx } = await getApp();
  const q = (url.searchParams.get('q') ?? '').slice(0, 100);
  return {
    q,
    municipalities: await publishedMunicipalities(ctx, q),
    policeAreas: (await listPoliceAreas(ctx)).filter((p) => p.level === 'polisregion')
  };
};
