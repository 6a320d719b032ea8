import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { youSaidWeDo } from '$lib/server/services/dialogue/assessment-public.service';
import { NotFoundError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ params }) => {
  const { ctx } = await getApp();
  try {
    return await youSaidWeDo(ctx, params.code);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
