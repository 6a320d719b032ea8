import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/core/dates';
import { stockholmDate } from '../../src/lib/core/stockholm-date';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Walk maps through the routes (issue 18, item 7): a municipality's tile address is set on its
 * settings page (a wrong one refused, naming the field), and only its walk pages then allow that
 * tile host in the Content-Security-Policy's img-src; every other page keeps the strict policy.
 */
describe.each(DATABASES)('walk map routes on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let editor: HttpClient;
  let other: HttpClient;
  let agreementId: string;
  let walkId: string;
  const TILES = 'https://kartbilder.example.se';

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    editor = await server.signInAs('editor', 'kommun-2417');
    other = await server.signInAs('editor', await server.orgId('2482'));
    agreementId = (await findNorsjoAgreementId(server.ctx))!;
    const page = await (await editor.get(`/avtal/${agreementId}/vandringar`)).text();
    const measureKey = /<select id="measureKey"[^]*?<option value="([^"]+)"/.exec(page)![1]!;
    const planned = await editor.postForm(`/avtal/${agreementId}/vandringar?/plan`, {
      measureKey,
      kind: 'trygghetsvandring',
      area: 'Centrum',
      meetingPoint: 'Torget',
      date: addDays(stockholmDate(new Date()), 7),
      startTime: '18:00',
      endTime: '20:00',
      invitedGroups: ''
    });
    expect(planned.status).toBe(303);
    walkId = /vandringar\/([^/?]+)/.exec(planned.headers.get('location')!)![1]!;
  }, 180_000);
  afterAll(() => server?.close());

  const imgSrc = async (client: HttpClient, path: string) => {
    const res = await client.get(path);
    expect(res.status, path).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp, path).toContain("default-src 'self'");
    return { csp, img: /(?:^|;\s*)img-src ([^;]*)/.exec(csp)?.[1] };
  };
  const settings = (client: HttpClient, fields: Record<string, string>) =>
    client.postForm('/kommuner/2417/installningar', {
      colour: '',
      logoAlt: '',
      contactName: '',
      contactEmail: '',
      contactPhone: '',
      ...fields
    });

  it('keeps the strict img-src on walk pages while no tiles are set', async () => {
    expect((await imgSrc(anon, `/kommuner/2417/vandringar/${walkId}`)).img).toBe(`'self' data:`);
    expect((await imgSrc(editor, `/avtal/${agreementId}/vandringar/${walkId}`)).img).toBe(
      `'self' data:`
    );
    expect(await (await anon.get('/kommuner/2417/kartbilder')).json()).toEqual({
      url: null,
      attribution: ''
    });
  });

  it('refuses a wrong tile address naming the field, and lets only the municipality’s editors set one', async () => {
    const bad = await settings(editor, {
      mapTileUrl: 'http://kartbilder.example.se/{z}/{x}.png',
      mapAttribution: ''
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Adress till kartbilderna');
    expect(html).toContain('måste börja med https://');
    const stranger = await settings(other, {
      mapTileUrl: `${TILES}/{z}/{x}/{y}.png`,
      mapAttribution: '© Kartbolaget'
    });
    expect(stranger.status).toBe(403);
    expect(await (await anon.get('/kommuner/2417/kartbilder')).json()).toMatchObject({ url: null });
  });

  it('then allows exactly the tile host on the walk pages, and nowhere else', async () => {
    const ok = await settings(editor, {
      mapTileUrl: `${TILES}/{z}/{x}/{y}.png`,
      mapAttribution: '© Kartbolaget'
    });
    expect([200, 303]).toContain(ok.status);
    expect(await (await anon.get('/kommuner/2417/kartbilder')).json()).toEqual({
      url: `${TILES}/{z}/{x}/{y}.png`,
      attribution: '© Kartbolaget'
    });

    const pub = await imgSrc(anon, `/kommuner/2417/vandringar/${walkId}`);
    const staff = await imgSrc(editor, `/avtal/${agreementId}/vandringar/${walkId}`);
    for (const page of [pub, staff]) {
      expect(page.img).toBe(`'self' data: ${TILES}`);
      // Nothing else is widened.
      expect(page.csp.replace(` ${TILES}`, '')).not.toContain('kartbilder');
      expect(page.csp).toMatch(/script-src 'self'/);
      expect(page.csp).toMatch(/connect-src 'self'(;|$)/);
    }
    for (const [client, path] of [
      [anon, '/kommuner/2417'],
      [anon, '/kommuner/2417/vandringar'],
      [editor, `/avtal/${agreementId}/vandringar`],
      [editor, '/kommuner/2417/installningar']
    ] as const)
      expect((await imgSrc(client, path)).img, path).toBe(`'self' data:`);
  });

  it('publishes no position before an editor approves it, and never a resident’s place', async () => {
    const tip = await anon.postForm(`/kommuner/2417/vandringar/${walkId}?/tip`, {
      description: 'Mörk gångtunnel',
      lat: '64.9333',
      lng: '19.4444',
      website: ''
    });
    expect(tip.status).toBe(200);
    const obs = await editor.postForm(`/avtal/${agreementId}/vandringar/${walkId}?/observe`, {
      category: 'belysning',
      description: 'Trasig lampa',
      lat: '64.9110',
      lng: '19.4800',
      idempotencyKey: 'map-route-observation-1'
    });
    expect(obs.status).toBe(200);
    const staff = await (await editor.get(`/avtal/${agreementId}/vandringar/${walkId}`)).text();
    // Both are on the staff page, numbered for the map (P1 and 1.).
    expect(staff).toContain('P1:');
    expect(staff).toMatch(/1\. Belysning: Trasig lampa/);
    const geo = await anon.get(`/api/v1/walks/${walkId}/observations?format=geojson`);
    expect(await geo.json()).toEqual({ type: 'FeatureCollection', features: [] });
    const pub = await (await anon.get(`/kommuner/2417/vandringar/${walkId}`)).text();
    expect(pub).not.toContain('Mörk gångtunnel');
    expect(pub).not.toContain('64.9333');
  });
});
