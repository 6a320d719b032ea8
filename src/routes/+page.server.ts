import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { listAgreements } from '$lib/server/services/agreement.service';
import { listPoliceAreas } from '$lib/server/services/organisation.service';

export const load: PageServerLoad = async () => {
  const { ctx } = await getApp();
  return {
    agreements: (await listAgreements(ctx)).filter((a) => a.status !== 'draft'),
    policeAreas: (await listPoliceAreas(ctx)).filter((p) => p.level === 'polisregion')
  };
};
