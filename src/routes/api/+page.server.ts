import type { PageServerLoad } from './$types';
import { openApiDocument } from '$lib/server/api/openapi';
import { describeApi } from '$lib/server/api/openapi-view';

// Plain HTML from the server: the page works without JavaScript and loads nothing from elsewhere.
export const csr = false;

/** The API's OpenAPI document as a readable page. */
export const load: PageServerLoad = () => ({ api: describeApi(openApiDocument) });
