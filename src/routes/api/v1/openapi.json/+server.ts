import type { RequestHandler } from './$types';
import { openDataJson, openDataPreflight } from '$lib/server/api/respond';
import { openApiDocument } from '$lib/server/api/openapi';

/** The OpenAPI 3.1 description of the open-data API. */
export const GET: RequestHandler = ({ request }) => openDataJson(request, openApiDocument, 3600);

export const OPTIONS: RequestHandler = () => openDataPreflight();
