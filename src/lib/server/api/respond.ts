import { createHash } from 'node:crypto';
import { apiFailure } from '../http';

// Open data may be read from any origin; nothing here depends on cookies or sign-in.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag'
} as const;

/** A weak ETag over the JSON body (weak, so a compressing proxy keeps it valid). */
export function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** A public, cacheable JSON response with an ETag; 304 when the client already holds this body. */
export function openDataJson(request: Request, data: unknown, maxAge = 60): Response {
  const body = JSON.stringify(data);
  const etag = etagOf(body);
  const headers = { ...CORS, 'cache-control': `public, max-age=${maxAge}`, etag };
  if (matches(request.headers.get('if-none-match'), etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, {
    status: 200,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
  });
}

/** A service error as an open-data JSON error (400 with fields, 404 …), readable cross-origin, not cached. */
export function openDataFailure(e: unknown): Response {
  const response = apiFailure(e);
  for (const [k, v] of Object.entries(CORS)) response.headers.set(k, v);
  response.headers.set('cache-control', 'no-store');
  return response;
}

/** The answer to a CORS preflight for the open-data GET endpoints. */
export function openDataPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'If-None-Match',
      'access-control-max-age': '86400'
    }
  });
}
