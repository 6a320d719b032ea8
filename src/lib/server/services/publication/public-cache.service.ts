import type { Ctx } from '../../context';
import { auditSequence } from '../../db/repositories/publication/public-event.repository';
import { stockholmDate } from '../shared/clock';

/**
 * Public pages are cached until the data behind them changes. The version is read from the
 * database on every request (one row by primary key), so several app servers on one database
 * agree on it and none serves a stale page: every change is written with an audit entry (which
 * moves the sequence), and what the public may see also moves with the Swedish date (publication
 * rules, "this tertial", upcoming events). The in-process map below is only a cache of renders.
 */
export async function dataVersion(ctx: Ctx): Promise<string> {
  return `${await auditSequence(ctx.db)}-${stockholmDate(ctx.now())}`;
}

type Entry = {
  etag: string;
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
};

/** A small least-recently-used map of rendered public responses. */
export class RenderCache {
  private entries = new Map<string, Entry>();
  constructor(private readonly max = 300) {}

  get(key: string, etag: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e || e.etag !== etag) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  set(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

const shared = new RenderCache();

/** Paths whose anonymous GET responses are the same for everyone with the same language. */
const CACHEABLE = [
  /^\/$/,
  /^\/kommuner\/\d{4}$/,
  /^\/kommuner\/\d{4}\/evenemang\.ics$/,
  /^\/api\/v1\/widget\/\d{4}$/,
  /^\/data$/,
  /^\/data\/katalog\.(rdf|jsonld)$/
];

/** Whether a request may be answered from the cache: an anonymous GET of a public path, no language switch. */
export const isCacheable = (request: Request, url: URL, signedIn: boolean): boolean =>
  request.method === 'GET' &&
  !signedIn &&
  !url.searchParams.has('lang') &&
  CACHEABLE.some((re) => re.test(url.pathname));

const matches = (ifNoneMatch: string | null, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*');

/**
 * Answers a cacheable request: 304 when the client holds the current version, the cached render
 * when this server has it, else renders once and keeps it. Responses that set cookies or are not
 * 200 are passed through untouched.
 */
export async function cachedResponse(
  ctx: Ctx,
  request: Request,
  url: URL,
  variant: string,
  render: () => Response | Promise<Response>,
  cache: RenderCache = shared
): Promise<Response> {
  const etag = `W/"${await dataVersion(ctx)}-${variant}"`;
  const headersFor = (h: Iterable<[string, string]>) => {
    const out = new Headers([...h]);
    out.set('etag', etag);
    out.set('cache-control', 'public, no-cache');
    out.append('vary', 'Cookie');
    return out;
  };
  const hit = cache.get(url.pathname + url.search, etag);
  if (matches(request.headers.get('if-none-match'), etag))
    return new Response(null, { status: 304, headers: headersFor(hit?.headers ?? []) });
  if (hit) return new Response(hit.body, { status: hit.status, headers: headersFor(hit.headers) });
  const response = await render();
  if (response.status !== 200 || response.headers.has('set-cookie')) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const headers = [...response.headers].filter(([k]) => k !== 'etag' && k !== 'cache-control');
  cache.set(url.pathname + url.search, { etag, status: 200, headers, body });
  return new Response(body, { status: 200, headers: headersFor(headers) });
}
