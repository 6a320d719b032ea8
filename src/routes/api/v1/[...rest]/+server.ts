import type { RequestHandler } from './$types';
import { apiError } from '$lib/server/services/publication/http-errors';

/**
 * Any /api/v1 path no endpoint answers, for every method: a JSON 404 with the API's CORS headers
 * (docs/API.md), never the site's HTML error page. More specific routes always win over this one.
 */
export const fallback: RequestHandler = () =>
  apiError(
    404,
    'not-found',
    'Det finns ingen sådan adress i API:t. Se /api/v1/openapi.json. / No such API path.'
  );
