import type { LayoutServerLoad } from './$types';
import { isAdmin } from '$lib/server/auth/policy';
import { latestCheckpoint } from '$lib/server/services/shared/audit.service';

export const load: LayoutServerLoad = async ({ locals }) => {
  const { ctx } = locals;
  return {
    lang: locals.lang,
    demo: ctx.config.demo,
    auditCheckpoint: await latestCheckpoint(ctx),
    user: locals.actor
      ? {
          // The person's own id: their phone's offline queues are kept per person.
          id: locals.actor.userId,
          name: locals.actor.name,
          admin: isAdmin(locals.actor),
          editor: locals.actor.memberships.some((m) => m.role === 'editor' || m.role === 'admin')
        }
      : null
  };
};
