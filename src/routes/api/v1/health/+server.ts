import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { health } from '$lib/server/services/shared/health.service';

export const GET: RequestHandler = async ({ locals }) => {
  const { ctx } = locals;
  const result = await health(ctx);
  return json(result, {
    status: result.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' }
  });
};
