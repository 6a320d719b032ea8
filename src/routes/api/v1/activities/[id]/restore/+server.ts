import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { apiFailure } from '$lib/server/http';
import { restoreActivity } from '$lib/server/services/logging/activity.service';

/** Restores a deleted activity (editors). */
export const POST: RequestHandler = async ({ params, locals }) => {
  const { ctx } = await getApp();
  try {
    await restoreActivity(ctx, locals.actor, params.id);
    return new Response(null, { status: 204 });
  } catch (e) {
    return apiFailure(e);
  }
};
