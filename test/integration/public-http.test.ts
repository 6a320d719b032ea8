import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';
import { makeUser } from '../support/factories';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { getAgreementView } from '../../src/lib/server/services/agreements/agreement-view.service';
import { logActivity } from '../../src/lib/server/services/logging/activity.service';
import { listPublishedReports } from '../../src/lib/server/services/publication/report-public.service';
import {
  createReport,
  publishReport
} from '../../src/lib/server/services/publication/report.service';

/**
 * The public site's HTTP behaviour, through the routes: the render cache (issue 11 items 1 and 6,
 * issue 15 item 5), compression, HEAD, 304s and charset (issue 16 items 7 and 8), the API's
 * answers for unknown paths and methods (issue 16 item 9) and client errors (issue 11 item 13; a malformed address is a 400 in production, but `vite dev`
 * rejects it before the app runs, so describeFailure's unit test covers it).
 */
describe.each(DATABASES)('public HTTP behaviour on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  /** Logs an activity the public never sees: it moves the audit sequence, nothing public. */
  let logInternal: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    const agreementId = (await findNorsjoAgreementId(server.ctx))!;
    const police = await server.ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', 'lpo-skelleftea')
      .executeTakeFirstOrThrow();
    const reporter = (await makeUser(server.ctx, 'reporter', police.id)).actor;
    const view = await getAgreementView(server.ctx, agreementId, { includeInternal: true });
    const measureId = view
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === 'trygghetsvandring')!.id;
    logInternal = async () => {
      await logActivity(server.ctx, reporter, {
        measureId,
        count: 1,
        publication: 'internal',
        place: 'Hemlig plats'
      });
    };
  }, 120_000);
  afterAll(() => server?.close());

  it('serves the page as HTML after an anonymous data request, and the data as JSON after the page', async () => {
    await logInternal(); // a change: the next answers are rendered anew
    const data = await anon.get('/kommuner/2417/__data.json?x-sveltekit-invalidated=01');
    expect(data.status).toBe(200);
    expect(data.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await data.text()).not.toContain('Hemlig plats');
    const page = await anon.get('/kommuner/2417');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toMatch(/^<!doctype html>/i);

    await logInternal();
    expect((await anon.get('/data')).headers.get('content-type')).toMatch(/^text\/html/);
    const after = await anon.get('/data/__data.json?x-sveltekit-invalidated=01');
    expect(after.headers.get('content-type')).toMatch(/^application\/json/);
    for (const path of ['/', '/__data.json']) await anon.get(path);
    expect((await anon.get('/')).headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('keeps the public ETag when an internal activity is logged, and answers 304', async () => {
    const first = await anon.get('/kommuner/2417');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    await logInternal();
    const again = await anon.get('/kommuner/2417', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const data = await anon.get('/kommuner/2417/__data.json?x-sveltekit-invalidated=01');
    await logInternal();
    const data2 = await anon.get('/kommuner/2417/__data.json?x-sveltekit-invalidated=01');
    expect(data2.headers.get('etag')).toBe(data.headers.get('etag'));
  });

  it('serves a parameter the page does not read from the same entry', async () => {
    const plain = await anon.get('/kommuner/2417');
    const tagged = await anon.get('/kommuner/2417?x=1&utm_source=news');
    expect(tagged.headers.get('etag')).toBe(plain.headers.get('etag'));
  });

  it('compresses dynamic answers for clients that accept gzip, with Vary', async () => {
    const page = await anon.get('/kommuner/2417', { 'accept-encoding': 'gzip' });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(await page.text()).toMatch(/Norsjö/); // fetch decodes it
    const plain = await anon.get('/kommuner/2417', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('etag')).toBe(page.headers.get('etag'));
    const id = (await findNorsjoAgreementId(server.ctx))!;
    const followUp = await anon.get(`/api/v1/agreements/${id}/follow-up`, {
      'accept-encoding': 'gzip'
    });
    expect(followUp.status).toBe(200);
    expect(followUp.headers.get('content-encoding')).toBe('gzip');
    const notModified = await anon.get('/kommuner/2417', {
      'accept-encoding': 'gzip',
      'if-none-match': page.headers.get('etag')!
    });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-encoding')).toBeNull();
  });

  it('answers HEAD with the ETag and Cache-Control of GET', async () => {
    for (const path of ['/kommuner/2417', '/data', '/sitemap.xml']) {
      const get = await anon.get(path);
      const head = await anon.fetch(path, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
      expect(head.headers.get('cache-control')).toBe(get.headers.get('cache-control'));
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    }
  });

  it('answers 304 on a repeated conditional GET of a report page', async () => {
    const agreementId = (await findNorsjoAgreementId(server.ctx))!;
    const editor = (await makeUser(server.ctx, 'editor', await server.orgId('2417'))).actor;
    const { id } = await createReport(server.ctx, editor, agreementId, {
      kind: 'year',
      year: 2024 // the demo has already published 2025's
    });
    await publishReport(server.ctx, editor, agreementId, id);
    const { reports } = await listPublishedReports(server.ctx, '2417', 1);
    const path = reports[0]!.path;
    const first = await anon.get(path);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('role="img"'); // the chart is on the page
    const etag = first.headers.get('etag')!;
    await logInternal(); // renders again: the chart must come out the same
    const again = await anon.get(path, { 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it('has robots.txt and a sitemap of public pages', async () => {
    const robots = await anon.get('/robots.txt');
    expect(robots.status).toBe(200);
    expect(await robots.text()).toMatch(/Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml/);
    const sitemap = await anon.get('/sitemap.xml');
    expect(sitemap.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await sitemap.text();
    expect(xml).toContain('/kommuner/2417</loc>');
    expect(xml).toContain('/sverige</loc>');
    expect(xml).toContain('/kommuner/2417/enkater</loc>');
    expect(xml).not.toContain('/avtal/');
    // Every address in it opens for an anonymous visitor.
    const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(paths.length).toBeGreaterThan(5);
    for (const loc of paths) {
      if (loc.includes('/rapporter/')) continue;
      expect((await anon.get(loc)).status, loc).toBe(200);
    }
  });

  it('answers unknown API paths and wrong methods with JSON and CORS', async () => {
    for (const [method, path, status] of [
      ['GET', '/api/v1/nope', 404],
      ['POST', '/api/v1/agreements/x/y/z', 404],
      ['DELETE', '/api/v1/health', 405]
    ] as const) {
      const res = await anon.fetch(path, { method });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect((await res.json()).message).toBeTruthy();
    }
  });

  it('answers a form posted to the reserved ?/default action with 400, not 500', async () => {
    for (const path of [
      '/vandringar/agare/x?/default',
      '/logga-in?/default',
      '/kommuner/2417?/default'
    ]) {
      const res = await anon.postForm(path, { status: 'åtgärdad' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('Formulärets adress är fel');
      expect(html).not.toContain('hos oss');
    }
  });

  it('answers a body over the limit with 413 that says so', async () => {
    const body = new Uint8Array(10 * 1024 * 1024 + 1).fill(97);
    const res = await anon.fetch('/logga-in', {
      method: 'POST',
      body,
      headers: {
        origin: server.url,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html'
      }
    });
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toMatch(/för stort: högst 10 MB/);
    expect(html).not.toContain('hos oss');
  });
});
