import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { listOpenAgreements } from '$lib/server/services/publication/open-data.service';
import {
  FOLLOW_UP_COLUMNS,
  LICENCE,
  PLAN_COLUMNS
} from '$lib/server/services/publication/public-data.service';

export const csr = false;

export const load: PageServerLoad = async () => {
  const { ctx } = await getApp();
  return {
    agreements: await listOpenAgreements(ctx, {}),
    planColumns: PLAN_COLUMNS,
    followUpColumns: FOLLOW_UP_COLUMNS,
    licence: LICENCE
  };
};
