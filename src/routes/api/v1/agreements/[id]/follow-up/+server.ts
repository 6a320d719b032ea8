import type { RequestHandler } from './$types';
import { queryObject } from '$lib/server/services/shared/validation';
import { openDataFailure, openDataJson, openDataPreflight } from '$lib/server/api/respond';
import { getOpenFollowUp } from '$lib/server/services/publication/open-data.service';

/** Follow-up of the public measures: `?from=&to=&period=month|tertial|year|agreement&asOf=`. */
export const GET: RequestHandler = async ({ params, url, request, locals }) => {
  const { ctx } = locals;
  try {
    return openDataJson(
      request,
      await getOpenFollowUp(ctx, params.id, queryObject(url.searchParams))
    );
  } catch (e) {
    return openDataFailure(e);
  }
};

export const OPTIONS: RequestHandler = () => openDataPreflight();
