import type { RequestHandler } from './$types';
import { queryObject } from '$lib/server/services/shared/validation';
import { openDataFailure, openDataJson, openDataPreflight } from '$lib/server/api/respond';
import { openWalks } from '$lib/server/services/walks/walk-public.service';

/** Walks of published agreements, optionally `?kommun=2417`. */
export const GET: RequestHandler = async ({ url, request, locals }) => {
  try {
    return openDataJson(request, await openWalks(locals.ctx, queryObject(url.searchParams)));
  } catch (e) {
    return openDataFailure(e);
  }
};

export const OPTIONS: RequestHandler = () => openDataPreflight();
