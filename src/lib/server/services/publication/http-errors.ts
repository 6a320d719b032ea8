/**
 * What a client error (4xx) tells the person who made it, in plain Swedish with the English
 * gist, and how API paths answer when no route of ours produced the answer (unknown path, wrong
 * method): JSON with the CORS headers docs/API.md promises. Server errors (5xx) keep the general
 * "Något gick fel hos oss" with an error code; client errors are the client's to fix, so they say
 * what was wrong and are logged as client errors (warn), not server errors.
 */

/** The largest request body taken in, matching BODY_SIZE_LIMIT's default in scripts/start.js. */
export const DEFAULT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

const megabytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`
    : `${Math.ceil(bytes / 1024)} kB`;

/** The message for a body over the limit. */
export const tooLargeMessage = (limit: number): string =>
  `Det du skickade är för stort: högst ${megabytes(limit)} tas emot. Välj en mindre fil eller dela upp den. / The request body is too large (at most ${megabytes(limit)}).`;

/** Whether a request declares a body larger than the limit (checked before anything reads it). */
export function declaresTooLarge(request: Request, limit: number): boolean {
  const declared = request.headers.get('content-length');
  return declared !== null && /^\d+$/.test(declared) && Number(declared) > limit;
}

/** A Swedish message naming what was wrong with a request that failed with a 4xx status. */
export function clientErrorMessage(
  status: number,
  method: string,
  detail: string | undefined,
  limit = DEFAULT_BODY_LIMIT_BYTES
): string {
  switch (status) {
    case 400:
      return /malformed uri|decode/i.test(detail ?? '')
        ? 'Adressen innehåller tecken som inte går att läsa (felaktig procentkodning). Kontrollera länken. / Malformed address.'
        : 'Förfrågan var felaktig och kunde inte läsas. / Bad request.';
    case 404:
      return 'Sidan finns inte. / Page not found.';
    case 405:
      return `Den här adressen tar inte emot metoden ${method}. / Method ${method} is not allowed here.`;
    case 413: {
      // The Node adapter names its BODY_SIZE_LIMIT in the message; say that limit, not ours.
      const named = /(?:limit of|BODY_SIZE_LIMIT of) (\d+)/.exec(detail ?? '');
      return tooLargeMessage(named ? Number(named[1]) : limit);
    }
    case 415:
      return 'Formuläret skickades i ett format som inte tas emot. Skicka det från sidan igen. / Unsupported content type.';
    default:
      return `Förfrågan kunde inte tas emot (felkod ${status}). / The request could not be accepted.`;
  }
}

/**
 * How handleError answers and logs a failure: a client error (4xx) names what was wrong and is
 * logged as `request.rejected` at warn (404s not at all); anything else is a server error, logged
 * as `request.failed` at error with an id the page shows.
 */
export function describeFailure(
  status: number,
  method: string,
  error: unknown,
  message: string,
  id: string
): { message: string; log: { level: 'warn' | 'error'; event: string } | null } {
  if (status >= 400 && status < 500)
    return {
      message: clientErrorMessage(status, method, error instanceof Error ? error.message : message),
      log: status === 404 ? null : { level: 'warn', event: 'request.rejected' }
    };
  return {
    message: `Något gick fel hos oss. Försök igen om en stund. (felkod ${id.slice(0, 8)})`,
    log: { level: 'error', event: 'request.failed' }
  };
}

/** The CORS headers every /api/v1 answer carries (docs/API.md, "Cachning och CORS"). */
export const API_CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag'
};

export const isApiPath = (pathname: string): boolean =>
  pathname === '/api/v1' || pathname.startsWith('/api/v1/');

/** A JSON error for the API, with CORS and no caching. */
export function apiError(
  status: number,
  error: string,
  message: string,
  extra: Record<string, string> = {}
): Response {
  return new Response(JSON.stringify({ error, message }), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...API_CORS,
      ...extra
    }
  });
}

/**
 * Makes an /api/v1 answer keep the API's promises: CORS on every answer, and JSON where SvelteKit
 * answered a wrong method (405) or a failure before any route ran with plain text or HTML.
 */
export async function apiAnswer(request: Request, response: Response): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  const json = /json/i.test(type);
  if (response.status >= 400 && !json && response.status !== 401) {
    const allow = response.headers.get('allow');
    if (response.status === 405)
      return apiError(
        405,
        'method-not-allowed',
        clientErrorMessage(405, request.method, undefined) +
          (allow ? ` Tillåtna metoder: ${allow}.` : ''),
        allow ? { allow } : {}
      );
    if (response.status === 404)
      return apiError(
        404,
        'not-found',
        'Det finns ingen sådan adress i API:t. / No such API path.'
      );
    if (response.status < 500)
      return apiError(
        response.status,
        'bad-request',
        clientErrorMessage(response.status, request.method, await response.text())
      );
  }
  for (const [k, v] of Object.entries(API_CORS))
    if (!response.headers.has(k)) response.headers.set(k, v);
  return response;
}
