import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError
} from '$lib/server/services/shared/errors';
import { exportActivities } from '$lib/server/services/logging/export.service';

/** The agreement's activities as CSV or XLSX; empty form fields count as not given. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
  // A staff export: sign in first, then come back to the same file.
  if (!locals.actor)
    redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  const { ctx } = await getApp();
  const query = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
  try {
    const file = await exportActivities(ctx, locals.actor, params.id, {
      ...query,
      format: params.format
    });
    return new Response(file.body, { headers: file.headers });
  } catch (e) {
    if (e instanceof UnauthenticatedError) error(401, e.message);
    if (e instanceof ForbiddenError) error(403, e.message);
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ValidationError) error(400, e.message);
    throw e;
  }
};
