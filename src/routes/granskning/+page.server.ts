import type { PageServerLoad } from './$types';
import { publicCheckpoints } from '$lib/server/services/shared/audit.service';

export const load: PageServerLoad = async ({ locals }) => {
  const { ctx } = locals;
  return {
    checkpoints: await publicCheckpoints(ctx, 90),
    developmentKey: ctx.config.audit.development
  };
};
