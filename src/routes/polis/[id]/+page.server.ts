import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { policeRollup } from '$lib/server/services/follow-up/rollup.service';
import { NotFoundError } from '$lib/server/services/shared/errors';

const query = z.object({ sida: z.coerce.number().int().min(1).max(1000).catch(1) });

export const load: PageServerLoad = async ({ params, url }) => {
  const { ctx } = await getApp();
  try {
    return await policeRollup(
      ctx,
      params.id,
      query.parse({ sida: url.searchParams.get('sida') ?? 1 }).sida
    );
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
