import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { checkpointList } from '$lib/server/services/shared/audit.service';

/** The audit chain's daily checkpoints as JSON: dates, numbers and hashes, no personal data. */
export const GET: RequestHandler = async ({ url, locals }) => {
  const { ctx } = locals;
  return json(await checkpointList(ctx, ctx.config.origin ?? url.origin), {
    headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' }
  });
};
