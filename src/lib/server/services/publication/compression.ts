import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Compression of dynamic answers (HTML, JSON, CSV, XML, ICS, JavaScript) with node:zlib, chosen
 * by the client's Accept-Encoding. SvelteKit's Node adapter compresses only prebuilt static files
 * and the usual `compression` middleware needs Express' req/res, not the Fetch Response a hook
 * returns; zlib is part of Node, so no dependency is added. Brotli at quality 5 and gzip at level
 * 6 keep the CPU cost per response around a millisecond for a 150 KB page.
 */
export type Encoding = 'br' | 'gzip';

/** Bodies smaller than this are sent as they are: compressing them saves nothing worth the CPU. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE =
  /^(text\/(html|csv|calendar|plain|xml|css|javascript)|application\/([\w.+-]*\+)?(json|xml|javascript|ld\+json|rdf\+xml|atom\+xml|rss\+xml)|image\/svg\+xml)\b/i;

/** Whether a body of this type and size is worth compressing. */
export const isCompressible = (contentType: string | null, bytes: number | null): boolean =>
  !!contentType &&
  COMPRESSIBLE.test(contentType) &&
  (bytes === null || bytes >= MIN_COMPRESS_BYTES);

/**
 * The encoding to use for an Accept-Encoding header: brotli, else gzip, honouring q-values
 * (`q=0` refuses one; `*` stands for any not named). Null when the client accepts neither.
 */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (e: string) =>
    q.get(e) ?? (e === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0;
  const br = weight('br');
  const gz = weight('gzip');
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Compresses a body (off the main thread, in libuv's pool). */
export async function encodeBody(
  body: Uint8Array,
  encoding: Encoding
): Promise<Uint8Array<ArrayBuffer>> {
  const out =
    encoding === 'br'
      ? await brotliAsync(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
          }
        })
      : await gzipAsync(body, { level: 6 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>;
}

/**
 * Compresses a response when the client accepts it and the body is worth it. Untouched: 304s and
 * other answers without a body, answers from the render cache (already negotiated, `x-cache`),
 * answers already encoded, streams (text/event-stream is not in the
 * list), and types that are already compressed (PDF, images). Adds `Vary: Accept-Encoding`
 * whenever the answer could have been compressed. A strong ETag becomes weak on a compressed
 * answer (the bytes differ; weak ETags may be shared by equivalent encodings, RFC 9110 8.8.1), so
 * If-None-Match keeps working for either encoding. HEAD gets the headers GET would get.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
  if (response.status === 304) return sameTagAsCompressed(request, response);
  // The render cache's answers are already negotiated (public-cache.service.ts keeps each copy).
  if (response.headers.has('x-cache')) return response;
  const contentType = response.headers.get('content-type');
  if (
    !response.body ||
    response.status < 200 ||
    response.status === 204 ||
    response.status === 206 ||
    response.headers.has('content-encoding') ||
    !isCompressible(contentType, null) ||
    /no-transform/i.test(response.headers.get('cache-control') ?? '')
  )
    return response;
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) < MIN_COMPRESS_BYTES) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  const init = { status: response.status, statusText: response.statusText, headers };
  const bodyFor = (b: Uint8Array<ArrayBuffer>) => (request.method === 'HEAD' ? null : b);
  if (body.byteLength < MIN_COMPRESS_BYTES) return new Response(bodyFor(body), init);
  if (!/accept-encoding/i.test(headers.get('vary') ?? ''))
    headers.append('vary', 'Accept-Encoding');
  const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
  if (!encoding) return new Response(bodyFor(body), init);
  const encoded = await encodeBody(body, encoding);
  headers.set('content-encoding', encoding);
  headers.set('content-length', String(encoded.byteLength));
  const etag = headers.get('etag');
  if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
  return new Response(bodyFor(encoded), init);
}

/**
 * A 304 carries the ETag the full answer would have had (RFC 9110 15.4.5): when the client takes
 * compressed answers and names the weak form of the tag, the full answer was compressed (its tag
 * weakened above), so the 304 answers with the weak form too.
 */
function sameTagAsCompressed(request: Request, response: Response): Response {
  const etag = response.headers.get('etag');
  if (!etag || etag.startsWith('W/') || !negotiateEncoding(request.headers.get('accept-encoding')))
    return response;
  const asked = request.headers.get('if-none-match') ?? '';
  if (!asked.split(',').some((t) => t.trim() === `W/${etag}`)) return response;
  const headers = new Headers(response.headers);
  headers.set('etag', `W/${etag}`);
  return new Response(null, { status: 304, statusText: response.statusText, headers });
}
