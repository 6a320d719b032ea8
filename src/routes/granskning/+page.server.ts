import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { publicCheckpoints } from '$lib/server/services/shared/audit.service';

export const load: PageServerLoad = async () => {
  const { ctx } = await getApp();
  return {
    checkpoints: await publicCheckpoints(ctx, 90),
    developmentKey: ctx.config.audit.development
  };
};
