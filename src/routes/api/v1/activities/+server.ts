import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { apiFailure, jsonBody } from '$lib/server/http';
import { logActivity } from '$lib/server/services/logging/activity.service';
import { listActivities } from '$lib/server/services/logging/activity-list.service';
import { UnauthenticatedError } from '$lib/server/services/shared/errors';
import { queryObject } from '$lib/server/services/shared/validation';

/** Logs an activity with a token or a session: 201 with the stored activity (200 when the idempotency key was seen before). */
export const POST: RequestHandler = async ({ request, locals }) => {
  const { ctx } = await getApp();
  try {
    if (!locals.actor)
      throw new UnauthenticatedError(
        'Skicka en API-nyckel i Authorization: Bearer … eller logga in.'
      );
    const { activity, created } = await logActivity(ctx, locals.actor, await jsonBody(request));
    return json(activity, {
      status: created ? 201 : 200,
      headers: { 'cache-control': 'no-store' }
    });
  } catch (e) {
    return apiFailure(e);
  }
};

/** Lists activities with filters (agreementId, measureKey, from, to, partyId), a page at a time. */
export const GET: RequestHandler = async ({ url, locals }) => {
  const { ctx } = await getApp();
  try {
    return json(await listActivities(ctx, locals.actor, queryObject(url.searchParams)), {
      headers: { 'cache-control': 'no-store' }
    });
  } catch (e) {
    return apiFailure(e);
  }
};
