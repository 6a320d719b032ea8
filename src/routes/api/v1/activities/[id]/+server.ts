import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { jsonBody, withApi } from '$lib/server/http';
import { refuseNulId } from '$lib/server/api/nul';
import { deleteActivity, updateActivity } from '$lib/server/services/logging/activity.service';

const NOT_FOUND = 'Aktiviteten finns inte.';

/** Changes an activity (its reporter or an editor). */
export const PATCH: RequestHandler = (event) =>
  withApi(event, async ({ params, request, ctx, actor }) => {
    refuseNulId(params.id, NOT_FOUND);
    return json(await updateActivity(ctx, actor, params.id, await jsonBody(request)));
  });

/** Deletes an activity softly; an editor can restore it. */
export const DELETE: RequestHandler = (event) =>
  withApi(event, async ({ params, ctx, actor }) => {
    refuseNulId(params.id, NOT_FOUND);
    await deleteActivity(ctx, actor, params.id);
    return new Response(null, { status: 204 });
  });
