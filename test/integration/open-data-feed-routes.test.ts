import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed } from '@rowanmanning/feed-parser';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

const CHROMIUM_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/**
 * Issue 16, items 6 and 10, through the routes: the Atom feed answers conditional GETs with 304,
 * a browser following the feed link gets the readable subscription page, and the DCAT-AP catalogue
 * names an e-mail for every contact point.
 */
describe.each(DATABASES)('open-data and feed routes on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
  }, 180_000);
  afterAll(() => server?.close());

  it('serves the feed with an ETag and Last-Modified, and 304 when the reader has it', async () => {
    const res = await anon.get('/kommuner/2417/flode.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const etag = res.headers.get('etag')!;
    const lastModified = res.headers.get('last-modified')!;
    // Weak when the answer is compressed (the bytes on the wire differ from the body's hash).
    expect(etag).toMatch(/^(W\/)?"[\w-]{32}"$/);
    const feed = parseFeed(await res.text());
    expect(new Date(lastModified).getTime()).toBe(
      Math.floor(feed.updated!.getTime() / 1000) * 1000
    );

    const again = await anon.get('/kommuner/2417/flode.atom', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const since = await anon.get('/kommuner/2417/flode.atom', {
      'if-modified-since': lastModified
    });
    expect(since.status).toBe(304);
    const changed = await anon.get('/kommuner/2417/flode.atom', { 'if-none-match': '"annan"' });
    expect(changed.status).toBe(200);
  });

  it('sends a browser following the feed link to the readable page, and ?atom to the XML', async () => {
    const res = await anon.get('/kommuner/2417/flode.atom', { accept: CHROMIUM_ACCEPT });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/kommuner/2417/flode');
    const page = await anon.get('/kommuner/2417/flode', { accept: CHROMIUM_ACCEPT });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Prenumerera på rapporter och nyheter från Norsjö kommun');
    expect(html).toContain(`${server.url}/kommuner/2417/flode.atom`);
    expect(html).toMatch(/rel="alternate" type="application\/atom\+xml"/);
    const xml = await anon.get('/kommuner/2417/flode.atom?atom', { accept: CHROMIUM_ACCEPT });
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const reader = await anon.get('/kommuner/2417/flode.atom', {
      accept: 'application/atom+xml, application/rss+xml;q=0.9, */*;q=0.1'
    });
    expect(reader.status).toBe(200);
  });

  it('answers 404 for a municipality that does not exist, on the page and the feed', async () => {
    expect((await anon.get('/kommuner/9999/flode')).status).toBe(404);
    expect((await anon.get('/kommuner/9999/flode.atom')).status).toBe(404);
  });

  it('gives every dataset of the catalogue a contact point with an e-mail', async () => {
    const res = await anon.get('/data/katalog.rdf');
    expect(res.status).toBe(200);
    const rdf = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => n === 'dcat:dataset'
    }).parse(await res.text()) as {
      'rdf:RDF': {
        'dcat:Catalog': {
          'dct:publisher': { 'foaf:Agent': { 'foaf:name': { '#text': string } } };
          'dcat:dataset': {
            'dcat:Dataset': {
              'dcat:contactPoint': {
                'vcard:Kind': { 'vcard:hasEmail': { '@_rdf:resource': string } };
              };
            };
          }[];
        };
      };
    };
    const catalog = rdf['rdf:RDF']['dcat:Catalog'];
    expect(catalog['dct:publisher']['foaf:Agent']['foaf:name']['#text']).not.toBe('Löften');
    expect(catalog['dcat:dataset'].length).toBeGreaterThan(0);
    for (const d of catalog['dcat:dataset'])
      expect(
        d['dcat:Dataset']['dcat:contactPoint']['vcard:Kind']['vcard:hasEmail']['@_rdf:resource']
      ).toMatch(/^mailto:\S+@\S+$/);
  });
});
