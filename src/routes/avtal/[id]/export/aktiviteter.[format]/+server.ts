import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { NotFoundError, ValidationError } from '$lib/server/services/shared/errors';
import { exportActivities } from '$lib/server/services/logging/export.service';

/** The agreement's activities as CSV or XLSX; empty form fields count as not given. */
export const GET: RequestHandler = async ({ params, url, locals }) => {
  const { ctx } = await getApp();
  const query = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
  try {
    const file = await exportActivities(ctx, locals.actor, params.id, {
      ...query,
      format: params.format
    });
    return new Response(file.body, { headers: file.headers });
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ValidationError) error(400, e.message);
    throw e;
  }
};
