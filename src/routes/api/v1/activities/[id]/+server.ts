import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { apiFailure, jsonBody } from '$lib/server/http';
import { deleteActivity, updateActivity } from '$lib/server/services/logging/activity.service';

/** Changes an activity (its reporter or an editor). */
export const PATCH: RequestHandler = async ({ params, request, locals }) => {
  const { ctx } = await getApp();
  try {
    return json(await updateActivity(ctx, locals.actor, params.id, await jsonBody(request)));
  } catch (e) {
    return apiFailure(e);
  }
};

/** Deletes an activity softly; an editor can restore it. */
export const DELETE: RequestHandler = async ({ params, locals }) => {
  const { ctx } = await getApp();
  try {
    await deleteActivity(ctx, locals.actor, params.id);
    return new Response(null, { status: 204 });
  } catch (e) {
    return apiFailure(e);
  }
};
