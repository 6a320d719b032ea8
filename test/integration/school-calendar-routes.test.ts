import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Issue 13, item 4, through the routes: a municipality's school calendar page is its editors'
 * only; an editor of another municipality or a viewer cannot correct it, and the database is
 * unchanged after every refusal; the municipality's editor corrects an entry and is told which
 * field is wrong when a date does not exist.
 */
describe.each(DATABASES)('school calendar routes on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let norsjo: HttpClient;
  let viewer: HttpClient;
  let skelleftea: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    norsjo = await server.signInAs('editor', 'kommun-2417');
    viewer = await server.signInAs('viewer', 'kommun-2417');
    skelleftea = await server.signInAs('editor', await server.orgId('2482'));
  }, 180_000);
  afterAll(() => server?.close());

  const corrections = () =>
    server.ctx.db.selectFrom('school_calendar_corrections').selectAll().execute();
  const hostlov = { year: '2021', entry: 'hostlov', from: '2021-11-01', to: '2021-11-05' };

  it('shows the page to Norsjö’s editor with Västerbotten’s sportlov in week 10', async () => {
    const res = await norsjo.get('/kommuner/2417/skolkalender?ar=2020');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Skolkalender läsåret 2020/2021');
    expect(html).toContain('2021-03-08');
  });

  it('refuses the page to anyone else', async () => {
    expect((await anon.get('/kommuner/2417/skolkalender')).status).toBe(403);
    expect((await viewer.get('/kommuner/2417/skolkalender')).status).toBe(403);
    expect((await skelleftea.get('/kommuner/2417/skolkalender')).status).toBe(403);
  });

  it('refuses a correction from anyone but the municipality’s editors, changing nothing', async () => {
    for (const client of [anon, viewer, skelleftea]) {
      const res = await client.postForm('/kommuner/2417/skolkalender', hostlov);
      expect([401, 403]).toContain(res.status);
    }
    expect(await corrections()).toEqual([]);
  });

  it('names a date that does not exist, in Swedish, without saving', async () => {
    const res = await norsjo.postForm('/kommuner/2417/skolkalender', {
      ...hostlov,
      from: '2021-02-30'
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('finns inte i kalendern');
    expect(await corrections()).toEqual([]);
  });

  it('saves Norsjö’s editor’s correction', async () => {
    const res = await norsjo.postForm('/kommuner/2417/skolkalender', hostlov);
    expect(res.status).toBeLessThan(400);
    expect(await corrections()).toMatchObject([
      { entry: 'hostlov', year: 2021, starts_on: '2021-11-01', ends_on: '2021-11-05' }
    ]);
    const html = await (await norsjo.get('/kommuner/2417/skolkalender?ar=2021')).text();
    expect(html).toContain('Ändrat av kommunen');
  });
});
