import { createHash } from 'node:crypto';
import type { Ctx } from '../../context';
import { auditSequence } from '../../db/repositories/publication/public-event.repository';
import { stockholmDate } from '../../../core/stockholm-date';
import { encodeBody, isCompressible, negotiateEncoding, type Encoding } from './compression';

/**
 * Public pages are cached until the data behind them may have changed, in two layers:
 *
 * - **When to render again** (never sent to anyone): the data version, read from the database on
 *   every request (one row by primary key), so several app servers on one database agree on it
 *   and none serves a stale page. Every change is written with an audit entry (which moves the
 *   sequence), and what the public may see also moves with the Swedish date (publication rules,
 *   "this tertial", upcoming events, activities that become public on their publish date).
 * - **What the client sees** (ETag): a hash of the rendered body. The audit sequence also moves
 *   when something internal is logged; putting it in the ETag told an anonymous observer that
 *   (issue 11 item 6). After such a change this server renders the page once more, gets the same
 *   bytes, and so the same ETag: clients keep their 304s and learn nothing. Renders are
 *   deterministic (the charts' SVG class names included), so every app server derives the same
 *   ETag from the same public content. Cost: one render per page per data change per server,
 *   which the cache below shares among all concurrent requests.
 *
 * The in-process map is only a cache of renders, bounded by entries and bytes (LRU).
 */
export async function dataVersion(ctx: Ctx): Promise<string> {
  return `${await auditSequence(ctx.db)}-${stockholmDate(ctx.now())}`;
}

/** A weak ETag over a body: what the public page shows, nothing else. */
export function etagOfBody(body: Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

type Entry = {
  /** The data version this render belongs to (internal). */
  version: string;
  etag: string;
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  /** Compressed copies, made on first demand. */
  encoded: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
};

const entryBytes = (e: Entry) =>
  e.body.byteLength + (e.encoded.gzip?.byteLength ?? 0) + (e.encoded.br?.byteLength ?? 0) + 512;

/** A least-recently-used map of rendered public responses, capped by count and by bytes. */
export class RenderCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  constructor(
    private readonly maxEntries = 500,
    private readonly maxBytes = 32 * 1024 * 1024
  ) {}

  get(key: string, version: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e || e.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  set(key: string, entry: Entry): void {
    this.remove(key);
    if (entryBytes(entry) > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entryBytes(entry);
    this.trim();
  }

  /** Records that an entry grew (a compressed copy was added) and trims if needed. */
  grew(key: string, before: number, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.bytes += entryBytes(entry) - before;
    this.trim();
  }

  private remove(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= entryBytes(old);
    this.entries.delete(key);
  }

  private trim() {
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes)
      this.remove(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }
}

const shared = new RenderCache();

/**
 * Paths whose anonymous GET/HEAD responses are the same for everyone with the same language, and
 * the query parameters each one reads. Other parameters (`?x=1`, tracking tags) do not change
 * the answer, so they share its cache entry; a page that starts reading a parameter must list it.
 */
const CACHEABLE: { path: RegExp; params: string[] }[] = [
  { path: /^\/$/, params: ['q'] },
  { path: /^\/kommuner\/\d{4}$/, params: [] },
  { path: /^\/kommuner\/\d{4}\/(rapporter|nyheter)$/, params: ['sida'] },
  // A published report version is frozen; its page is rendered deterministically (charts too).
  { path: /^\/kommuner\/\d{4}\/rapporter\/[\w-]+\/v\/\d+$/, params: [] },
  { path: /^\/kommuner\/\d{4}\/evenemang\.ics$/, params: [] },
  { path: /^\/api\/v1\/widget\/\d{4}$/, params: [] },
  { path: /^\/data$/, params: [] },
  { path: /^\/data\/katalog\.(rdf|jsonld)$/, params: [] },
  { path: /^\/sitemap\.xml$/, params: [] }
];

const routeOf = (pathname: string) => CACHEABLE.find((c) => c.path.test(pathname));

/**
 * Whether a request may be answered from the cache: an anonymous GET or HEAD of a public path, no
 * language switch. `url` is SvelteKit's (without `/__data.json`).
 */
export const isCacheable = (request: Request, url: URL, signedIn: boolean): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  !signedIn &&
  !url.searchParams.has('lang') &&
  !!routeOf(url.pathname);

/**
 * The cache key of a request. It is built from the address the client asked for (so a
 * client-side navigation's `/kommuner/2417/__data.json?x-sveltekit-invalidated=…` is never
 * stored where the HTML page lives, issue 11 item 1), the host (feeds write absolute links),
 * the parameters the page reads (sorted; others ignored), and the variant (language, app version).
 */
export function cacheKey(request: Request, url: URL, variant: string): string {
  const asked = new URL(request.url);
  const params = routeOf(url.pathname)?.params ?? [];
  const kept = new URLSearchParams();
  for (const name of [...params].sort())
    for (const value of url.searchParams.getAll(name)) kept.append(name, value);
  const dataRequest = asked.pathname.endsWith('/__data.json');
  const sveltekit = [...asked.searchParams]
    .filter(([k]) => k.startsWith('x-sveltekit-'))
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('&');
  return JSON.stringify([
    variant,
    asked.host,
    dataRequest ? 'data' : 'page',
    asked.pathname,
    sveltekit,
    kept.toString()
  ]);
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 prescribes for GET). */
export const etagMatches = (ifNoneMatch: string | null, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
};

/** Renders that are under way, so concurrent first requests wait for one render (no stampede). */
const inflight = new Map<string, Promise<Entry | null>>();

async function renderEntry(
  version: string,
  render: () => Response | Promise<Response>
): Promise<{ entry: Entry | null; response: Response | null }> {
  const response = await render();
  // Errors, redirects and anything that sets a cookie are passed through untouched, uncached.
  if (response.status !== 200 || response.headers.has('set-cookie') || !response.body)
    return { entry: null, response };
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = [...response.headers].filter(
    ([k]) => !['etag', 'cache-control', 'content-length', 'content-encoding'].includes(k)
  );
  return {
    entry: { version, etag: etagOfBody(body), status: 200, headers, body, encoded: {} },
    response: null
  };
}

/**
 * Answers a cacheable request: 304 when the client holds the current render, the cached render
 * (compressed when the client accepts it) when this server has it for the current data version,
 * else renders once, shares that render with concurrent requests for the same key, and keeps it.
 * HEAD gets the same headers as GET. Responses that are not 200 or set cookies pass through.
 */
export async function cachedResponse(
  ctx: Ctx,
  request: Request,
  url: URL,
  variant: string,
  render: () => Response | Promise<Response>,
  cache: RenderCache = shared
): Promise<Response> {
  const version = await dataVersion(ctx);
  const key = cacheKey(request, url, variant);
  let entry = cache.get(key, version);
  if (!entry) {
    const flightKey = `${key}\n${version}`;
    const pending = inflight.get(flightKey);
    if (pending) entry = (await pending) ?? undefined;
    if (!entry) {
      let passThrough: Response | null = null;
      const mine = renderEntry(version, render).then(({ entry: e, response }) => {
        passThrough = response;
        if (e) cache.set(key, e);
        return e;
      });
      if (!pending) inflight.set(flightKey, mine);
      try {
        entry = (await mine) ?? undefined;
      } finally {
        if (!pending) inflight.delete(flightKey);
      }
      if (!entry) return passThrough!;
    }
  }

  const headers = new Headers(entry.headers);
  headers.set('etag', entry.etag);
  headers.set('cache-control', 'public, no-cache');
  headers.append('vary', 'Cookie');
  const contentType = headers.get('content-type');
  const encoding =
    isCompressible(contentType, entry.body.byteLength) &&
    negotiateEncoding(request.headers.get('accept-encoding'));
  if (isCompressible(contentType, entry.body.byteLength)) headers.append('vary', 'Accept-Encoding');
  if (etagMatches(request.headers.get('if-none-match'), entry.etag)) {
    for (const k of ['content-type', 'content-length', 'content-disposition']) headers.delete(k);
    return new Response(null, { status: 304, headers });
  }
  let body = entry.body;
  if (encoding) {
    let encoded = entry.encoded[encoding];
    if (!encoded) {
      const before = entryBytes(entry);
      encoded = await encodeBody(entry.body, encoding);
      entry.encoded[encoding] = encoded;
      cache.grew(key, before, entry);
    }
    body = encoded;
    headers.set('content-encoding', encoding);
  }
  headers.set('content-length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
