import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { refuseNulQuery } from '$lib/server/api/nul';
import { jsonBody, withApi } from '$lib/server/http';
import { logActivity } from '$lib/server/services/logging/activity.service';
import { listActivities } from '$lib/server/services/logging/activity-list.service';
import { queryObject } from '$lib/server/services/shared/validation';

/** Logs an activity with a token or a session: 201 with the stored activity (200 when the idempotency key was seen before). */
export const POST: RequestHandler = (event) =>
  withApi(
    event,
    async ({ request, ctx, actor }) => {
      const { activity, created } = await logActivity(ctx, actor, await jsonBody(request));
      return json(activity, {
        status: created ? 201 : 200,
        headers: { 'cache-control': 'no-store' }
      });
    },
    { signIn: true }
  );

/** Lists activities with filters (agreementId, measureKey, from, to, partyId), a page at a time. */
export const GET: RequestHandler = (event) =>
  withApi(event, async ({ url, ctx, actor }) => {
    refuseNulQuery(url.searchParams);
    return json(await listActivities(ctx, actor, queryObject(url.searchParams)), {
      headers: { 'cache-control': 'no-store' }
    });
  });
