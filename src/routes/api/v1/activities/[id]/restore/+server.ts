import type { RequestHandler } from './$types';
import { refuseNulId } from '$lib/server/api/nul';
import { withApi } from '$lib/server/http';
import { restoreActivity } from '$lib/server/services/logging/activity.service';

/** Restores a deleted activity (editors). */
export const POST: RequestHandler = (event) =>
  withApi(event, async ({ params, ctx, actor }) => {
    refuseNulId(params.id, 'Det finns ingen borttagen aktivitet med det id:t.');
    await restoreActivity(ctx, actor, params.id);
    return new Response(null, { status: 204 });
  });
