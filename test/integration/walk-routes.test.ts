import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/core/dates';
import { stockholmDate } from '../../src/lib/core/stockholm-date';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { DATABASES } from '../support/databases';
import { geoJsonProblems } from '../support/geojson';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';
import { schemaChecker } from '../support/openapi';

/**
 * Issue 18 through the routes, as a browser without JavaScript would: an editor plans a walk, a
 * resident points out a place with a plain form post, a reporter records an observation (sent
 * twice, stored once), the editor assigns it with an owner link, the owner marks it fixed through
 * the link with no session, the editor approves it, and the public protocol and the GeoJSON show it.
 */
describe.each(DATABASES)('walk routes on $kind', ({ kind }) => {
  let server: TestServer;
  let photoDir: string;
  let anon: HttpClient;
  let editor: HttpClient;
  let reporter: HttpClient;
  let other: HttpClient;
  let agreementId: string;
  let walkId: string;
  let observationId: string;
  let ownerPath: string;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    photoDir = mkdtempSync(join(tmpdir(), 'loften-walk-photos-'));
    server = await startTestServer(kind, { env: { PHOTO_DIR: photoDir } });
    anon = server.client();
    editor = await server.signInAs('editor', 'kommun-2417');
    reporter = await server.signInAs('reporter', 'kommun-2417');
    other = await server.signInAs('editor', await server.orgId('2482'));
    agreementId = (await findNorsjoAgreementId(server.ctx))!;
    for (const t of ['walks', 'walk_tips', 'walk_observations'] as const)
      demoRows[t] = await rowCount(t);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    rmSync(photoDir, { recursive: true, force: true });
  });

  type Counted = 'walks' | 'walk_tips' | 'walk_observations';
  // The demo seeds walks of its own (seed/demo-walks.ts): counts are of what this test adds.
  const demoRows: Partial<Record<Counted, number>> = {};
  const count = async (table: Counted) => (await rowCount(table)) - (demoRows[table] ?? 0);
  const rowCount = async (table: Counted) =>
    Number(
      (
        await server.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    );

  it('lets the editor plan a walk, refusing others and changing nothing for them', async () => {
    const page = await (await editor.get(`/avtal/${agreementId}/vandringar`)).text();
    const select = page.slice(page.indexOf('<select id="measureKey"'));
    const keys = [
      ...select.slice(0, select.indexOf('</select>')).matchAll(/<option value="([^"]+)"/g)
    ].map((m) => m[1]!);
    const measureKey = keys.includes('trygghetsvandring') ? 'trygghetsvandring' : keys[0];
    expect(measureKey).toBeTruthy();
    const walk = {
      measureKey: measureKey!,
      kind: 'trygghetsvandring',
      area: 'Centrum',
      meetingPoint: 'Torget',
      date: addDays(today, 7),
      startTime: '18:00',
      endTime: '20:00',
      invitedGroups: 'Boende, Föräldrar'
    };
    const anonymous = await anon.postForm(`/avtal/${agreementId}/vandringar?/plan`, walk);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/logga-in/);
    expect((await reporter.postForm(`/avtal/${agreementId}/vandringar?/plan`, walk)).status).toBe(
      403
    );
    expect((await other.postForm(`/avtal/${agreementId}/vandringar?/plan`, walk)).status).toBe(404);
    expect(await count('walks')).toBe(0);
    const bad = await editor.postForm(`/avtal/${agreementId}/vandringar?/plan`, {
      ...walk,
      area: ''
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Skriv vilket område ni går i');
    const res = await editor.postForm(`/avtal/${agreementId}/vandringar?/plan`, walk);
    expect(res.status).toBe(303);
    walkId = /vandringar\/([\w-]+)\?planerad/.exec(res.headers.get('location') ?? '')![1]!;
    const ics = await (await anon.get('/kommuner/2417/evenemang.ics')).text();
    expect(ics).toContain('Trygghetsvandring: Centrum');
  });

  it('takes a resident’s place through a plain form post, no sign-in, and names a wrong field', async () => {
    const page = await anon.get(`/kommuner/2417/vandringar/${walkId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Peka ut en plats');
    const bad = await anon.postForm(`/kommuner/2417/vandringar/${walkId}?/tip`, {
      description: 'Mörk gångtunnel under Storgatan',
      lat: '64.91',
      lng: ''
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Fyll i både latitud och longitud');
    const ok = await anon.postForm(`/kommuner/2417/vandringar/${walkId}?/tip`, {
      description: 'Mörk gångtunnel under Storgatan',
      lat: '64,9105',
      lng: '19,4823',
      website: ''
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Tack! Platsen är skickad');
    expect(await count('walk_tips')).toBe(1);
  });

  it('records an observation sent twice once, and refuses an editor of another municipality', async () => {
    const obs = {
      category: 'belysning',
      description: 'Trasig lampa på gångvägen',
      lat: '64.9110',
      lng: '19.4800',
      idempotencyKey: 'route-observation-0001'
    };
    expect(
      (await other.postForm(`/avtal/${agreementId}/vandringar/${walkId}?/observe`, obs)).status
    ).toBe(404);
    for (let i = 0; i < 2; i++) {
      const res = await reporter.postForm(
        `/avtal/${agreementId}/vandringar/${walkId}?/observe`,
        obs
      );
      expect(res.status).toBe(200);
    }
    expect(await count('walk_observations')).toBe(1);
    // The phone's queue sends JSON to the API: stored once, whatever the retries.
    const queued = {
      category: 'skrap-klotter',
      description: 'Klotter på busskuren',
      idempotencyKey: 'route-queue-0001'
    };
    const path = `/api/v1/walks/${walkId}/observations`;
    expect((await anon.json('POST', path, queued)).status).toBe(401);
    expect((await other.json('POST', path, queued)).status).toBe(404);
    expect((await reporter.json('POST', path, queued)).status).toBe(201);
    const again = await reporter.json('POST', path, queued);
    expect(again.status).toBe(200);
    expect(schemaChecker()('WalkObservationRecorded', await again.json())).toEqual([]);
    const wrong = await reporter.json('POST', path, {
      ...queued,
      idempotencyKey: undefined,
      lat: 91,
      lng: 19
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ fields: [{ field: 'lat' }] });
    expect(await count('walk_observations')).toBe(2);
    // Only the walk's staff page may ask the phone for its position.
    const staff = await reporter.get(`/avtal/${agreementId}/vandringar/${walkId}`);
    expect(staff.headers.get('permissions-policy')).toContain('geolocation=(self)');
    const open = await anon.get(`/kommuner/2417/vandringar/${walkId}`);
    expect(open.headers.get('permissions-policy')).toContain('geolocation=()');
    observationId = (
      await server.ctx.db
        .selectFrom('walk_observations')
        .select('id')
        .where('idempotency_key', '=', 'route-observation-0001')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('assigns an owner with a link only editors get; the owner marks it fixed with no session', async () => {
    const assign = { observationId, owner: 'Gatukontoret', dueOn: addDays(today, 10) };
    const refused = await reporter.postForm(
      `/avtal/${agreementId}/vandringar/${walkId}?/assign`,
      assign
    );
    expect(refused.status).toBe(403);
    const res = await editor.postForm(`/avtal/${agreementId}/vandringar/${walkId}?/assign`, assign);
    expect(res.status).toBe(200);
    ownerPath = /https?:\/\/[^/"]+(\/vandringar\/agare\/[\w-]+)/.exec(await res.text())![1]!;
    const stored = await server.ctx.db
      .selectFrom('walk_owner_links')
      .selectAll()
      .where('observation_id', '=', observationId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(ownerPath).not.toContain(stored[0]!.token_hash);

    const ownerPage = await anon.get(ownerPath);
    expect(ownerPage.status).toBe(200);
    expect(ownerPage.headers.get('cache-control')).toBe('no-store');
    // The token goes to no other site, yet the browser still names this one as the form's Origin
    // (with no-referrer it sends `Origin: null`, and the form is refused as cross-site).
    expect(ownerPage.headers.get('referrer-policy')).toBe('same-origin');
    expect(await ownerPage.text()).toContain('Gatukontoret');
    const why = await anon.postForm(ownerPath, { status: 'åtgärdas inte', note: '' });
    expect(why.status).toBe(400);
    expect(await why.text()).toContain('Skriv varför det inte åtgärdas');
    const fixed = await anon.postForm(ownerPath, { status: 'åtgärdad', note: 'Lampan är bytt.' });
    expect(fixed.status).toBe(200);
    expect(
      await server.ctx.db
        .selectFrom('walk_observations')
        .select(['status', 'status_reason'])
        .where('id', '=', observationId)
        .executeTakeFirstOrThrow()
    ).toEqual({ status: 'åtgärdad', status_reason: 'Lampan är bytt.' });
    expect((await anon.get('/vandringar/agare/not-a-real-token-at-all-123')).status).toBe(404);
  });

  it('takes a photo with a plain multipart post, strips its metadata, and hides it until approved', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Anna Andersson' }, IFD3: { GPSLatitudeRef: 'N' } })
      .toBuffer();
    const form = new FormData();
    form.set('category', 'skadegorelse');
    form.set('description', 'Krossad ruta i busskuren');
    form.set('idempotencyKey', 'route-photo-0001');
    form.set('photo', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'IMG_0001.jpg');
    const res = await reporter.fetch(`/avtal/${agreementId}/vandringar/${walkId}?/observe`, {
      method: 'POST',
      body: form,
      headers: { origin: server.url, accept: 'text/html' }
    });
    expect(res.status).toBe(200);
    const row = await server.ctx.db
      .selectFrom('walk_observations')
      .select(['id', 'photo_ref'])
      .where('idempotency_key', '=', 'route-photo-0001')
      .executeTakeFirstOrThrow();
    expect(row.photo_ref).toMatch(/^[0-9a-f-]{36}$/);
    expect(readdirSync(photoDir)).toEqual([`${row.photo_ref}.jpg`]);
    const photo = await reporter.get(`/vandringar/foto/${row.id}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await photo.arrayBuffer())).metadata();
    expect([meta.width, meta.exif]).toEqual([40, undefined]);
    expect((await anon.get(`/vandringar/foto/${row.id}`)).status).toBe(404);
    expect((await other.get(`/vandringar/foto/${row.id}`)).status).toBe(404);
  });

  it('shows the observation as fixed in the public protocol only after the editor approves it', async () => {
    const before = await (await anon.get(`/kommuner/2417/vandringar/${walkId}`)).text();
    expect(before).not.toContain('Lampan är bytt.');
    const res = await editor.postForm(`/avtal/${agreementId}/vandringar/${walkId}?/publish`, {
      observationId,
      approved: '1'
    });
    expect(res.status).toBe(200);
    const after = await (await anon.get(`/kommuner/2417/vandringar/${walkId}`)).text();
    expect(after).toContain('Åtgärdad');
    expect(after).toContain('Lampan är bytt.');
    const list = await (await anon.get('/kommuner/2417/vandringar')).text();
    expect(list).toContain(`/kommuner/2417/vandringar/${walkId}`);
    expect(await (await anon.get('/kommuner/2417')).text()).toContain(
      `href="/kommuner/2417/vandringar/${walkId}"`
    );
  });

  it('serves the observations as JSON, CSV and RFC 7946 GeoJSON', async () => {
    const check = schemaChecker();
    const walks = await anon.get('/api/v1/walks?kommun=2417');
    expect(walks.status).toBe(200);
    expect(check('Walks', await walks.json())).toEqual([]);
    const list = await (await anon.get(`/api/v1/walks/${walkId}/observations`)).json();
    expect(check('WalkObservations', list)).toEqual([]);
    expect(list).toMatchObject([{ status: 'åtgärdad', reason: 'Lampan är bytt.' }]);
    const bytes = new Uint8Array(
      await (await anon.get(`/api/v1/walks/${walkId}/observations?format=csv`)).arrayBuffer()
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes).split('\r\n');
    expect(csv[0]).toBe(
      'id,walkId,category,categoryLabel,description,lat,lng,owner,dueOn,status,statusLabel,reason,fixedOn,updatedAt'
    );
    expect(csv[1]).toContain(',64.911,19.48,Gatukontoret,');
    const geo = await anon.get(`/api/v1/walks/${walkId}/observations?format=geojson`);
    expect(geo.headers.get('content-type')).toContain('application/geo+json');
    const body = JSON.parse(await geo.text()) as unknown;
    expect(geoJsonProblems(body)).toEqual([]);
    expect(check('WalkObservationsGeoJson', body)).toEqual([]);
    expect(body).toMatchObject({
      features: [{ geometry: { type: 'Point', coordinates: [19.48, 64.911] } }]
    });
    const wrong = await anon.get(`/api/v1/walks/${walkId}/observations?format=kml`);
    expect(wrong.status).toBe(400);
    expect((await anon.get('/api/v1/walks/nope/observations')).status).toBe(404);
  });
  it('lists an overdue observation in the editor’s "Att göra", and not another municipality’s', async () => {
    const obs = { category: 'skadegorelse', description: 'Trasigt staket vid lekplatsen' };
    const res = await reporter.postForm(`/avtal/${agreementId}/vandringar/${walkId}?/observe`, obs);
    expect(res.status).toBe(200);
    // Assigned long ago: its last day has passed and it is not fixed.
    await server.ctx.db
      .updateTable('walk_observations')
      .set({ owner: 'Bostadsbolaget', due_on: '2020-01-31', status: 'accepterad' })
      .where('description', '=', obs.description)
      .execute();
    const mine = await (await editor.get('/att-gora')).text();
    expect(mine).toContain('Iakttagelser som är försenade');
    expect(mine).toContain('Trasigt staket vid lekplatsen');
    expect(mine).toContain('skulle vara klar 2020-01-31');
    const theirs = await (await other.get('/att-gora')).text();
    expect(theirs).not.toContain('Trasigt staket vid lekplatsen');
  });
  it('refuses a walk under another agreement’s address, and an observation of another walk', async () => {
    const before = await count('walk_observations');
    const crafted = await editor.postForm(
      `/avtal/00000000-0000-4000-8000-000000000000/vandringar/${walkId}?/observe`,
      { category: 'trafik', description: 'Via en tillverkad adress' }
    );
    expect(crafted.status).toBe(404);
    expect(await count('walk_observations')).toBe(before);
    const stranger = await editor.postForm(`/avtal/${agreementId}/vandringar/${walkId}?/status`, {
      observationId: '00000000-0000-4000-8000-000000000001',
      status: 'accepterad',
      note: ''
    });
    expect(stranger.status).toBe(404);
    const wrongWalk = await editor.postForm(
      `/avtal/${agreementId}/vandringar/00000000-0000-4000-8000-000000000002?/status`,
      { observationId, status: 'accepterad', note: '' }
    );
    expect(wrongWalk.status).toBe(404);
  });
});
