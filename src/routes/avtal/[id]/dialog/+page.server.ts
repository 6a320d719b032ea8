import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { listDialogues } from '$lib/server/services/dialogue/dialogue.service';
import { ForbiddenError, NotFoundError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const { ctx } = await getApp();
  const page = Number(url.searchParams.get('sida') ?? '1');
  try {
    return await listDialogues(ctx, locals.actor, params.id, Number.isFinite(page) ? page : 1);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ForbiddenError) error(locals.actor ? 403 : 401, e.message);
    throw e;
  }
};
