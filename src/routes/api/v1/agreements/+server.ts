import type { RequestHandler } from './$types';
import { queryObject } from '$lib/server/services/shared/validation';
import { openDataFailure, openDataJson, openDataPreflight } from '$lib/server/api/respond';
import { listOpenAgreements } from '$lib/server/services/publication/open-data.service';

/** Published agreements, optionally `?kommun=2417`. */
export const GET: RequestHandler = async ({ url, request, locals }) => {
  const { ctx } = locals;
  try {
    return openDataJson(request, await listOpenAgreements(ctx, queryObject(url.searchParams)));
  } catch (e) {
    return openDataFailure(e);
  }
};

export const OPTIONS: RequestHandler = () => openDataPreflight();
