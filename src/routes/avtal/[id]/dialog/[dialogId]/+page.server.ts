import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { getDialogue } from '$lib/server/services/dialogue/dialogue.service';
import { ForbiddenError, NotFoundError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { ctx } = await getApp();
  try {
    return await getDialogue(ctx, locals.actor, params.id, params.dialogId);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ForbiddenError) error(locals.actor ? 403 : 401, e.message);
    throw e;
  }
};
