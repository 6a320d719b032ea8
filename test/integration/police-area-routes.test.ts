import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type TestServer } from '../support/http';

const countAreas = async (server: TestServer) =>
  Number(
    (
      await server.ctx.db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'police_area')
        .executeTakeFirstOrThrow()
    ).n
  );

describe.each(DATABASES)('/admin/polisomraden on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  }, 180_000);
  afterAll(() => server?.close());

  it('shows the regions and their areas, and adds an area with a form that works without JavaScript', async () => {
    const admin = await server.signIn('admin@demo.loften.se');
    const page = await (await admin.get('/admin/polisomraden')).text();
    expect(page).toContain('Polisregion Nord');
    expect(page).toMatch(
      /Lokalpolisområde Skellefteå\s*<span class="muted"[^>]*>\(Lokalpolisområde, i Polisområde Västerbotten\)/
    );

    const refused = await admin.postForm('/admin/polisomraden?/add', {
      region: 'polisregion-nord',
      name: '',
      municipalities: '0180'
    });
    expect(refused.status).toBe(400);
    const text = await refused.text();
    expect(text).toContain('href="#name"');
    expect(text).toContain('Stockholm (0180) ligger i Stockholms län');

    const before = await countAreas(server);
    const ok = await admin.postForm('/admin/polisomraden?/add', {
      region: 'polisregion-nord',
      name: 'Lokalpolisområde Umeå',
      municipalities: '2480,2481'
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain(
      'Lokalpolisområde Umeå är tillagt i polisregion Nord (Umeå, Lycksele).'
    );
    expect(await countAreas(server)).toBe(before + 1);
  });

  it('is for instance administrators only: an editor gets 403 and adds nothing', async () => {
    const editor = await server.signIn('kommun@demo.loften.se');
    expect((await editor.get('/admin/polisomraden')).status).toBe(403);
    const before = await countAreas(server);
    const res = await editor.postForm('/admin/polisomraden?/add', {
      region: 'polisregion-nord',
      name: 'Lokalpolisområde Smyg'
    });
    expect(res.status).toBe(403);
    expect(await countAreas(server)).toBe(before);
    expect((await server.client().get('/admin/polisomraden')).status).toBe(303);
  });
});
