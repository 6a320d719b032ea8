import type { RequestHandler } from './$types';
import { queryObject } from '$lib/server/services/shared/validation';
import { openDataFailure, openDataJson, openDataPreflight } from '$lib/server/api/respond';
import { getOpenAgreement } from '$lib/server/services/publication/open-data.service';

/** One published agreement with its public measures, optionally for plan year `?ar=2020`. */
export const GET: RequestHandler = async ({ params, url, request, locals }) => {
  const { ctx } = locals;
  try {
    return openDataJson(
      request,
      await getOpenAgreement(ctx, params.id, queryObject(url.searchParams))
    );
  } catch (e) {
    return openDataFailure(e);
  }
};

export const OPTIONS: RequestHandler = () => openDataPreflight();
