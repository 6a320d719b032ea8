import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { listPoliceAreas, searchMunicipalities } from '$lib/server/services/organisation.service';

export const load: PageServerLoad = async () => {
  const { ctx } = await getApp();
  return {
    featured: await searchMunicipalities(ctx, 'Norsjö', 1),
    policeAreas: await listPoliceAreas(ctx)
  };
};
