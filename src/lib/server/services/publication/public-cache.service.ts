import { createHash } from 'node:crypto';
import type { Ctx } from '../../context';
import { changeWatch, ChangeWatch } from './public-cache-changes.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { encodeBody, isCompressible, negotiateEncoding, type Encoding } from './compression';

/**
 * Public pages are cached until the data behind them may have changed, in two layers:
 *
 * - **When to render again** (never sent to anyone): the version of the municipality the page
 *   belongs to (or of all of them, for pages such as the front page), from the change watch
 *   (public-cache-changes.service.ts): learned from the audit trail in the database, at most
 *   every 250 ms, so several app servers on one database agree on it and none serves a page
 *   older than that after a change. A write in one municipality leaves other municipalities'
 *   cached pages alone. What the public may see also moves with the Swedish date (publication
 *   rules, "this tertial", upcoming events, activities that become public on their publish date).
 * - **What the client sees** (ETag): a hash of the rendered body. The audit sequence also moves
 *   when something internal is logged; putting it in the ETag told an anonymous observer that
 *   (issue 11 item 6). After such a change this server renders the page once more, gets the same
 *   bytes, and so the same ETag: clients keep their 304s and learn nothing. Renders are
 *   deterministic (the charts' SVG class names included), so every app server derives the same
 *   ETag from the same public content. Cost: one render per page per data change per server,
 *   which the cache below shares among all concurrent requests.
 *
 * The in-process map is only a cache of renders, bounded by entries and bytes (LRU), compressed
 * copies included. A hit costs no database query (but one look per interval), no hashing and
 * no compression: each entry keeps its brotli and gzip copies and its headers, made once.
 */
export async function dataVersion(
  ctx: Ctx,
  pathname: string,
  watch: ChangeWatch = changeWatch(ctx)
): Promise<string> {
  return `${await watch.version(ctx, municipalityOf(pathname))}-${today(ctx)}`;
}

/** The municipality code a public address belongs to (null: a page of all of them). */
export const municipalityOf = (pathname: string): string | null =>
  /^\/(?:kommuner|api\/v1\/widget)\/(\d{4})(?:\/|$)/.exec(pathname)?.[1] ?? null;

// The Swedish date, formatted at most once a second (Intl formatting is the costly part).
let lastDay = { second: NaN, day: '' };
function today(ctx: Ctx): string {
  const ms = ctx.now().getTime();
  const second = Math.floor(ms / 1000);
  if (second !== lastDay.second) lastDay = { second, day: stockholmDate(new Date(ms)) };
  return lastDay.day;
}

/** A weak ETag over a body: what the public page shows, nothing else. */
export function etagOfBody(body: Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

type HeaderList = [string, string][];

/** One stored answer of an entry: its body and every header, made once when it is stored. */
type Variant = { body: Uint8Array<ArrayBuffer>; headers: HeaderList };

export type CacheEntry = {
  /** The data version this render belongs to (internal). */
  version: string;
  etag: string;
  plain: Variant;
  /** Compressed copies (bodies worth compressing), made when the render is stored. */
  br?: Variant;
  gzip?: Variant;
  /** The headers of a 304. */
  notModified: HeaderList;
  bytes: number;
};

const entryBytes = (v: Omit<CacheEntry, 'bytes'>) =>
  v.plain.body.byteLength + (v.gzip?.body.byteLength ?? 0) + (v.br?.body.byteLength ?? 0) + 1024;

/**
 * A least-recently-used map of rendered public responses, capped by count and by bytes (the
 * compressed copies counted), with the change watch its versions come from.
 */
export class RenderCache {
  private entries = new Map<string, CacheEntry>();
  private bytes = 0;
  private readonly watches = new WeakMap<object, ChangeWatch>();
  constructor(
    private readonly maxEntries = 500,
    private readonly maxBytes = 32 * 1024 * 1024,
    /** How often to look for changes; 0 looks on every request (tests); 'config' takes
     * PUBLIC_CACHE_LOOK_MS (the server's own cache). */
    private readonly watchIntervalMs: number | 'config' = 0
  ) {}

  /** The change watch of a database (one per database handle). */
  watch(ctx: Pick<Ctx, 'db' | 'config'>): ChangeWatch {
    let w = this.watches.get(ctx.db);
    if (!w) {
      const ms =
        this.watchIntervalMs === 'config' ? ctx.config.publicCacheLookMs : this.watchIntervalMs;
      this.watches.set(ctx.db, (w = new ChangeWatch(ms)));
    }
    return w;
  }

  get(key: string, version: string): CacheEntry | undefined {
    const e = this.entries.get(key);
    if (!e || e.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  set(key: string, entry: CacheEntry): void {
    this.remove(key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.trim();
  }

  private remove(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.bytes;
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

// The server's cache: 500 renders or 32 MB, versions looked up at most every 250 ms.
const shared = new RenderCache(500, 32 * 1024 * 1024, 'config');

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

/**
 * The render under way per key, so concurrent first requests wait for one render (no stampede).
 * One per key, whatever its version: while writes keep moving the version faster than a page
 * renders, renders of one page follow each other instead of piling up.
 */
const inflight = new Map<string, { version: string; done: Promise<CacheEntry | null> }>();

/** The headers every stored answer of a render carries, before its body's own. */
function baseHeaders(response: Response, etag: string, compressible: boolean): HeaderList {
  const kept = [...response.headers].filter(
    ([k]) => !['etag', 'cache-control', 'content-length', 'content-encoding', 'vary'].includes(k)
  );
  const vary = [response.headers.get('vary'), 'Cookie', compressible ? 'Accept-Encoding' : null]
    .filter(Boolean)
    .join(', ');
  return [...kept, ['etag', etag], ['cache-control', 'public, no-cache'], ['vary', vary]];
}

async function renderEntry(
  version: string,
  render: () => Response | Promise<Response>
): Promise<{ entry: CacheEntry | null; response: Response | null }> {
  const response = await render();
  // Errors, redirects and anything that sets a cookie are passed through untouched, uncached.
  if (response.status !== 200 || response.headers.has('set-cookie') || !response.body)
    return { entry: null, response };
  const body = new Uint8Array(await response.arrayBuffer());
  const etag = etagOfBody(body);
  const compressible = isCompressible(response.headers.get('content-type'), body.byteLength);
  const base = baseHeaders(response, etag, compressible);
  const variant = (b: Uint8Array<ArrayBuffer>, encoding?: Encoding): Variant => ({
    body: b,
    headers: [
      ...base,
      ...(encoding ? [['content-encoding', encoding] as [string, string]] : []),
      ['content-length', String(b.byteLength)]
    ]
  });
  const [br, gzip] = compressible
    ? await Promise.all([encodeBody(body, 'br'), encodeBody(body, 'gzip')])
    : [];
  const fields = {
    version,
    etag,
    plain: variant(body),
    br: br && variant(br, 'br'),
    gzip: gzip && variant(gzip, 'gzip'),
    notModified: base.filter(
      ([k]) => !['content-type', 'content-length', 'content-disposition'].includes(k)
    )
  };
  return { entry: { ...fields, bytes: entryBytes(fields) }, response: null };
}

// The last Accept-Encoding seen and what it chose (clients send a handful of distinct values).
let lastAccept: { header: string | null; encoding: Encoding | null } = {
  header: null,
  encoding: null
};
function encodingFor(header: string | null): Encoding | null {
  if (header !== lastAccept.header) lastAccept = { header, encoding: negotiateEncoding(header) };
  return lastAccept.encoding;
}

/** Where an answer came from, in `x-cache`: stored, rendered now, or waited for another's render. */
export type CacheState = 'hit' | 'miss' | 'shared';

/**
 * Answers a cacheable request: 304 when the client holds the current render, the cached render
 * (compressed when the client accepts it) when this server has it for the current data version,
 * else renders once, shares that render with concurrent requests for the same key, and keeps it.
 * HEAD gets the same headers as GET. Responses that are not 200 or set cookies pass through.
 * `x-cache` says hit, miss (rendered for this request) or shared (waited for a render).
 */
export async function cachedResponse(
  ctx: Ctx,
  request: Request,
  url: URL,
  variant: string,
  render: () => Response | Promise<Response>,
  cache: RenderCache = shared
): Promise<Response> {
  const key = cacheKey(request, url, variant);
  let state: CacheState = 'hit';
  let entry: CacheEntry | undefined;
  for (;;) {
    const version = await dataVersion(ctx, url.pathname, cache.watch(ctx));
    entry = cache.get(key, version);
    if (entry) break;
    const pending = inflight.get(key);
    if (pending) {
      // Wait for the render under way; use it when it is of this version, else look again.
      state = 'shared';
      const e = await pending.done;
      if (pending.version !== version) continue;
      if (e) {
        entry = e;
        break;
      }
    }
    state = 'miss';
    let passThrough: Response | null = null;
    const done = renderEntry(version, render).then(({ entry: e, response }) => {
      passThrough = response;
      if (e) cache.set(key, e);
      return e;
    });
    const mine = { version, done };
    if (!inflight.has(key)) inflight.set(key, mine);
    try {
      entry = (await done) ?? undefined;
    } finally {
      if (inflight.get(key) === mine) inflight.delete(key);
    }
    if (!entry) return passThrough!;
    break;
  }
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch && etagMatches(ifNoneMatch, entry.etag))
    return new Response(null, { status: 304, headers: [...entry.notModified, ['x-cache', state]] });
  const encoding = entry.br ? encodingFor(request.headers.get('accept-encoding')) : null;
  const chosen = (encoding && entry[encoding]) || entry.plain;
  return new Response(request.method === 'HEAD' ? null : chosen.body, {
    status: 200,
    headers: [...chosen.headers, ['x-cache', state]]
  });
}
