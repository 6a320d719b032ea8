import type { LayoutServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { isAdmin } from '$lib/server/auth/policy';
import { latestCheckpoint } from '$lib/server/services/shared/audit.service';

export const load: LayoutServerLoad = async ({ locals }) => {
  const { ctx } = await getApp();
  return {
    lang: locals.lang,
    demo: ctx.config.demo,
    auditCheckpoint: await latestCheckpoint(ctx),
    user: locals.actor
      ? {
          name: locals.actor.name,
          admin: isAdmin(locals.actor),
          editor: locals.actor.memberships.some((m) => m.role === 'editor' || m.role === 'admin')
        }
      : null
  };
};
