import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../../../../test/support/databases';
import { makeUser, openNorsjoDemo } from '../../../../../test/support/factories';
import { loadConfig } from '../../config';
import type { Ctx } from '../../context';
import { getAgreementView } from '../agreements/agreement-view.service';
import { logActivity } from '../logging/activity.service';
import { compressResponse, negotiateEncoding } from './compression';
import { apiAnswer, clientErrorMessage, describeFailure } from './http-errors';
import {
  cachedResponse,
  cacheKey,
  etagMatches,
  etagOfBody,
  isCacheable,
  RenderCache,
  type CacheEntry
} from './public-cache.service';

const HTML = '<!doctype html><html><body>' + 'Norsjö '.repeat(400) + '</body></html>';
const JSON_BODY = JSON.stringify({ type: 'data', nodes: ['x'.repeat(2000)] });

/** SvelteKit's view of a request: the URL without `/__data.json` and its own parameters. */
function kitRequest(raw: string, init: RequestInit = {}) {
  const request = new Request(raw, init);
  const url = new URL(raw);
  url.pathname = url.pathname.replace(/\/__data\.json$/, '') || '/';
  for (const k of [...url.searchParams.keys()])
    if (k.startsWith('x-sveltekit-')) url.searchParams.delete(k);
  return { request, url };
}

const page = () => new Response(HTML, { status: 200, headers: { 'content-type': 'text/html' } });
const data = () =>
  new Response(JSON_BODY, { status: 200, headers: { 'content-type': 'application/json' } });

describe('the cache key', () => {
  const key = (raw: string, variant = 'sv-1') => {
    const { request, url } = kitRequest(raw);
    return cacheKey(request, url, variant);
  };

  it('tells a page from its hydration data and from a differently invalidated data request', () => {
    const pageKey = key('http://x/kommuner/2417');
    expect(key('http://x/kommuner/2417/__data.json')).not.toBe(pageKey);
    expect(key('http://x/kommuner/2417/__data.json?x-sveltekit-invalidated=01')).not.toBe(
      key('http://x/kommuner/2417/__data.json?x-sveltekit-invalidated=11')
    );
    expect(key('http://x/__data.json')).not.toBe(key('http://x/'));
  });

  it('ignores parameters the page does not read, keeps the ones it reads, the variant and the host', () => {
    expect(key('http://x/kommuner/2417?x=1&utm_source=a')).toBe(key('http://x/kommuner/2417'));
    expect(key('http://x/?q=nor')).not.toBe(key('http://x/'));
    expect(key('http://x/?q=nor&x=1')).toBe(key('http://x/?q=nor'));
    expect(key('http://x/kommuner/2417', 'en-1')).not.toBe(key('http://x/kommuner/2417'));
    expect(key('http://y/kommuner/2417')).not.toBe(key('http://x/kommuner/2417'));
  });

  it('caches anonymous GET and HEAD of public paths, never a language switch or a signed-in visitor', () => {
    const at = (raw: string, method = 'GET', signedIn = false) => {
      const { request, url } = kitRequest(raw, { method });
      return isCacheable(request, url, signedIn);
    };
    expect(at('http://x/kommuner/2417')).toBe(true);
    expect(at('http://x/kommuner/2417', 'HEAD')).toBe(true);
    expect(at('http://x/kommuner/2417/__data.json?x-sveltekit-invalidated=01')).toBe(true);
    expect(at('http://x/sitemap.xml')).toBe(true);
    expect(at('http://x/kommuner/2417', 'POST')).toBe(false);
    expect(at('http://x/kommuner/2417?lang=en')).toBe(false);
    expect(at('http://x/kommuner/2417', 'GET', true)).toBe(false);
    expect(at('http://x/avtal/abc')).toBe(false);
  });

  it('compares ETags weakly, with lists and *', () => {
    expect(etagMatches('W/"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('"a", W/"b"', 'W/"b"')).toBe(true);
    expect(etagMatches('*', 'W/"b"')).toBe(true);
    expect(etagMatches('W/"c"', 'W/"b"')).toBe(false);
    expect(etagMatches(null, 'W/"b"')).toBe(false);
  });
});

describe('the render cache', () => {
  /** An entry of `plain` bytes with compressed copies of `packed` bytes each. */
  const entry = (n: number, plain = 2000, packed = 0): CacheEntry => {
    const v = (bytes: number) => ({ body: new Uint8Array(bytes), headers: [] });
    const fields = {
      version: 'v',
      etag: `W/"${n}"`,
      plain: v(plain),
      ...(packed ? { br: v(packed), gzip: v(packed) } : {}),
      notModified: []
    };
    return { ...fields, bytes: plain + 2 * packed + 1024 };
  };

  it('keeps memory bounded: evicts the least recently used entries past the byte cap', () => {
    const cache = new RenderCache(100, 10_000);
    cache.set('a', entry(1));
    cache.set('b', entry(2));
    cache.set('c', entry(3));
    expect(cache.get('a', 'v')).toBeDefined(); // a is now the most recently used
    cache.set('d', entry(4));
    expect(cache.size).toBe(3);
    expect(cache.totalBytes).toBeLessThanOrEqual(10_000);
    expect(cache.get('b', 'v')).toBeUndefined();
    expect(cache.get('a', 'v')).toBeDefined();
    expect(cache.get('a', 'other version')).toBeUndefined();
    cache.set('e', entry(5, 20_000));
    expect(cache.get('e', 'v')).toBeUndefined();
  });

  it('counts the compressed copies: bytes and entries stay under their caps whatever is stored', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
            plain: fc.integer({ min: 0, max: 6000 }),
            packed: fc.integer({ min: 0, max: 3000 }),
            read: fc.boolean()
          }),
          { maxLength: 60 }
        ),
        (steps) => {
          const cache = new RenderCache(4, 12_000);
          const stored = new Map<string, number>();
          for (const [i, s] of steps.entries()) {
            if (s.read) cache.get(s.key, 'v');
            else {
              cache.set(s.key, entry(i, s.plain, s.packed));
              stored.set(s.key, s.plain + 2 * s.packed + 1024);
            }
            expect(cache.size).toBeLessThanOrEqual(4);
            expect(cache.totalBytes).toBeLessThanOrEqual(12_000);
          }
          // The running total is exactly the bytes of what is still there.
          let sum = 0;
          for (const [key, bytes] of stored) if (cache.get(key, 'v')) sum += bytes;
          expect(cache.totalBytes).toBe(sum);
        }
      )
    );
  });
});

describe.each(DATABASES)('public answers from the cache on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  beforeAll(async () => {
    ({ ctx, close, id: agreementId } = await openNorsjoDemo(kind));
  });
  afterAll(() => close());

  const ask = (
    cache: RenderCache,
    raw: string,
    render: () => Response | Promise<Response>,
    headers: Record<string, string> = {},
    method = 'GET'
  ) => {
    const { request, url } = kitRequest(raw, { headers, method });
    return cachedResponse(ctx, request, url, 'sv-test', render, cache);
  };

  it('serves the page as HTML after its data was asked for, and the data as JSON after the page', async () => {
    const cache = new RenderCache();
    const d = await ask(
      cache,
      'http://x/kommuner/2417/__data.json?x-sveltekit-invalidated=01',
      data
    );
    expect(d.headers.get('content-type')).toBe('application/json');
    const p = await ask(cache, 'http://x/kommuner/2417', page);
    expect(p.headers.get('content-type')).toBe('text/html');
    expect(await p.text()).toBe(HTML);

    const other = new RenderCache();
    expect((await ask(other, 'http://x/', page)).headers.get('content-type')).toBe('text/html');
    const d2 = await ask(other, 'http://x/__data.json?x-sveltekit-invalidated=01', data);
    expect(d2.headers.get('content-type')).toBe('application/json');
    expect(await d2.text()).toBe(JSON_BODY);
  });

  it('gives an ETag of what the page shows: logging an internal activity does not change it', async () => {
    const cache = new RenderCache();
    let renders = 0;
    const render = () => (renders++, page());
    const first = await ask(cache, 'http://x/kommuner/2417', render);
    const etag = first.headers.get('etag')!;
    expect(etag).toBe(etagOfBody(new TextEncoder().encode(HTML)));
    expect(etag).not.toMatch(/\d+-\d{4}-\d{2}-\d{2}/); // no audit sequence, no date

    const reporter = (await makeUser(ctx, 'reporter', 'lpo-skelleftea')).actor;
    const view = await getAgreementView(ctx, agreementId, { includeInternal: true });
    const measureId = view
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === 'trygghetsvandring')!.id;
    await logActivity(ctx, reporter, { measureId, publication: 'internal', count: 1 });

    // The data version moved, so the page is rendered again; the same bytes keep the same ETag.
    const again = await ask(cache, 'http://x/kommuner/2417', render, { 'if-none-match': etag });
    expect(renders).toBe(2);
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('renders once for many concurrent first requests (no stampede), and ignores unused parameters', async () => {
    const cache = new RenderCache();
    let renders = 0;
    const slow = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 50));
      return page();
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ask(cache, `http://x/kommuner/2417${i % 2 ? '?x=' + i : ''}`, slow)
      )
    );
    expect(renders).toBe(1);
    expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it('answers HEAD with the headers of GET and no body; compresses for clients that accept it', async () => {
    const cache = new RenderCache();
    const get = await ask(cache, 'http://x/kommuner/2417', page, { 'accept-encoding': 'gzip' });
    const head = await ask(
      cache,
      'http://x/kommuner/2417',
      page,
      { 'accept-encoding': 'gzip' },
      'HEAD'
    );
    for (const h of [
      'etag',
      'cache-control',
      'content-type',
      'content-encoding',
      'vary',
      'content-length'
    ])
      expect(head.headers.get(h)).toBe(get.headers.get(h));
    expect(head.body).toBeNull();
    expect(get.headers.get('content-encoding')).toBe('gzip');
    expect(get.headers.get('vary')).toMatch(/Accept-Encoding/);
    const zipped = new Uint8Array(await get.arrayBuffer());
    expect(zipped.byteLength).toBeLessThan(HTML.length / 5);
    expect(gunzipSync(zipped).toString('utf8')).toBe(HTML);
    const plain = await ask(cache, 'http://x/kommuner/2417', page);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('etag')).toBe(get.headers.get('etag'));
    const notModified = await ask(cache, 'http://x/kommuner/2417', page, {
      'accept-encoding': 'gzip',
      'if-none-match': get.headers.get('etag')!
    });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeNull();
    expect(notModified.headers.get('content-encoding')).toBeNull();
  });

  it('keeps the full body when HEAD comes first, so a later GET gets the page', async () => {
    const cache = new RenderCache();
    const head = await ask(cache, 'http://x/kommuner/2417', page, {}, 'HEAD');
    expect(head.body).toBeNull();
    const get = await ask(cache, 'http://x/kommuner/2417', () => new Response('wrong'));
    expect(await get.text()).toBe(HTML);
    expect(get.headers.get('etag')).toBe(head.headers.get('etag'));
  });

  it('passes errors and answers that set cookies through, uncached', async () => {
    const cache = new RenderCache();
    const missing = await ask(
      cache,
      'http://x/kommuner/9999',
      () => new Response('no', { status: 404 })
    );
    expect(missing.status).toBe(404);
    const cookie = await ask(
      cache,
      'http://x/kommuner/2417',
      () => new Response(HTML, { headers: { 'set-cookie': 'a=b', 'content-type': 'text/html' } })
    );
    expect(cookie.headers.get('set-cookie')).toBe('a=b');
    expect(cache.size).toBe(0);
  });
});

describe('compression', () => {
  it('negotiates brotli or gzip by Accept-Encoding and its q-values', () => {
    expect(negotiateEncoding(null)).toBeNull();
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip');
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('gzip;q=0, br;q=0')).toBeNull();
  });

  const req = (method = 'GET') =>
    new Request('http://x/data/a/uppfoljning.csv', {
      method,
      headers: { 'accept-encoding': 'gzip' }
    });

  it('compresses CSV, JSON, ICS and XML; a strong ETag becomes weak; HEAD gets the same headers', async () => {
    const csv = 'datum;antal\n'.repeat(500);
    for (const type of ['text/csv', 'application/json', 'text/calendar', 'application/rdf+xml']) {
      const res = await compressResponse(
        req(),
        new Response(csv, { headers: { 'content-type': type, etag: '"abc"' } })
      );
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.headers.get('etag')).toBe('W/"abc"');
      expect(gunzipSync(new Uint8Array(await res.arrayBuffer())).toString()).toBe(csv);
    }
    const head = await compressResponse(
      req('HEAD'),
      new Response(csv, { headers: { 'content-type': 'text/csv' } })
    );
    expect(head.headers.get('content-encoding')).toBe('gzip');
    expect(head.body).toBeNull();
  });

  it('never compresses tiny bodies, 304s, PDFs or answers already encoded', async () => {
    const tiny = await compressResponse(
      req(),
      new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } })
    );
    expect(tiny.headers.get('content-encoding')).toBeNull();
    expect(await tiny.text()).toBe('{"ok":true}');
    const notModified = await compressResponse(
      req(),
      new Response(null, { status: 304, headers: { 'content-type': 'text/html' } })
    );
    expect(notModified.headers.get('content-encoding')).toBeNull();
    const pdf = await compressResponse(
      req(),
      new Response(new Uint8Array(5000), { headers: { 'content-type': 'application/pdf' } })
    );
    expect(pdf.headers.get('content-encoding')).toBeNull();
  });

  it('answers a 304 with the weak tag the compressed answer had, and leaves other 304s alone', async () => {
    const asked = (inm: string, enc = 'gzip') =>
      new Request('http://x/kommuner/2417/flode.atom', {
        headers: { 'accept-encoding': enc, 'if-none-match': inm }
      });
    const notModified = () => new Response(null, { status: 304, headers: { etag: '"abc"' } });
    const weak = await compressResponse(asked('W/"abc"'), notModified());
    expect(weak.status).toBe(304);
    expect(weak.headers.get('etag')).toBe('W/"abc"');
    expect((await compressResponse(asked('"abc"'), notModified())).headers.get('etag')).toBe(
      '"abc"'
    );
    expect(
      (await compressResponse(asked('W/"abc"', 'identity'), notModified())).headers.get('etag')
    ).toBe('"abc"');
  });
});

describe('client errors', () => {
  it('say what was wrong in Swedish, and never that the fault is ours', () => {
    expect(clientErrorMessage(413, 'POST', undefined, 10 * 1024 * 1024)).toMatch(
      /för stort: högst 10 MB/
    );
    expect(clientErrorMessage(400, 'GET', 'Malformed URI')).toMatch(/felaktig procentkodning/);
    expect(clientErrorMessage(405, 'DELETE', undefined)).toMatch(/metoden DELETE/);
    for (const s of [400, 405, 413, 415, 422])
      expect(clientErrorMessage(s, 'GET', undefined)).not.toMatch(/hos oss/);
  });

  it('are answered and logged as client errors; server errors keep the general message', () => {
    const malformed = describeFailure(
      400,
      'GET',
      new Error('Failed to decode URI: /kommuner/%ff'),
      'Malformed URI',
      'abcdef12-0000'
    );
    expect(malformed.message).toMatch(/felaktig procentkodning/);
    expect(malformed.log).toEqual({ level: 'warn', event: 'request.rejected' });
    const tooLarge = describeFailure(
      413,
      'POST',
      new Error('Content-length of 900000 exceeds limit of 524288 bytes.'),
      'Payload Too Large',
      'x'
    );
    expect(tooLarge.message).toMatch(/för stort: högst 512 kB/);
    expect(tooLarge.log?.level).toBe('warn');
    expect(describeFailure(404, 'GET', new Error('Not found'), 'Not Found', 'x').log).toBeNull();
    const crash = describeFailure(500, 'GET', new Error('boom'), 'Internal Error', 'abcdef12-0000');
    expect(crash.message).toMatch(/hos oss.*felkod abcdef12/);
    expect(crash.log).toEqual({ level: 'error', event: 'request.failed' });
  });

  it('use BODY_SIZE_LIMIT as the Node adapter reads it, 10 MB unless set', () => {
    expect(loadConfig({}).bodySizeLimit).toBe(10 * 1024 * 1024);
    expect(loadConfig({ BODY_SIZE_LIMIT: '512K' }).bodySizeLimit).toBe(512 * 1024);
    expect(loadConfig({ BODY_SIZE_LIMIT: '2000' }).bodySizeLimit).toBe(2000);
    expect(loadConfig({ BODY_SIZE_LIMIT: 'Infinity' }).bodySizeLimit).toBe(Infinity);
    expect(() => loadConfig({ BODY_SIZE_LIMIT: 'ten megs' })).toThrow(
      /BODY_SIZE_LIMIT: expected a size/
    );
  });

  it('turn SvelteKit’s plain-text 405 on an API path into JSON with CORS and Allow', async () => {
    const res = await apiAnswer(
      new Request('http://x/api/v1/health', { method: 'DELETE' }),
      new Response('DELETE method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } })
    );
    expect(res.status).toBe(405);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(await res.json()).toMatchObject({ error: 'method-not-allowed' });
  });
});
