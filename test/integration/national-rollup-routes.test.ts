import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type TestServer } from '../support/http';

describe.each(DATABASES)('/sverige on $kind', ({ kind }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  }, 180_000);
  afterAll(() => server?.close());

  it('shows the nation per region, target kind and focus area, server-rendered and labelled demo', async () => {
    const res = await server.client().get('/sverige?ar=2021');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Medborgarlöften i hela Sverige 2021');
    expect(html).toContain('Per polisregion');
    expect(html).toMatch(/<a href="\/sverige\/polisregion-nord\?ar=2021">Polisregion Nord<\/a>/);
    expect(html).toContain('Per typ av mål');
    expect(html).toContain('Antal per period');
    expect(html).toContain('Per fokusområde');
    expect(html).toContain('bygger på påhittade demodata');
  });

  it('a region lists its agreements with their kept share', async () => {
    const html = await (await server.client().get('/sverige/polisregion-nord?ar=2021')).text();
    expect(html).toContain('Polisregion Nord 2021');
    expect(html).toMatch(/<a href="\/avtal\/[0-9a-f-]+">[^<]*Norsjö[^<]*<\/a>/);
    expect(html).toMatch(/\d+ %\s*<span class="muted"[^>]*>\(\d+ av \d+\)/);
  });

  it('speaks English when asked, keeping the names as written', async () => {
    const html = await (await server.client().get('/sverige?ar=2021&lang=en')).text();
    expect(html).toContain('<title>Citizen promises across Sweden 2021 – Löften</title>');
    expect(html).toContain('By police region');
    expect(html).toContain('By kind of target');
    expect(html).toContain('Count per period');
    expect(html).toContain('invented demo data');
    expect(html).toMatch(/<a href="\/sverige\/polisregion-nord\?ar=2021">Polisregion Nord<\/a>/);
    expect(html).not.toContain('Per polisregion');
    expect(html).not.toContain('Sammanfattning');
    const region = await (
      await server.client().get('/sverige/polisregion-nord?ar=2021&lang=en')
    ).text();
    expect(region).toContain('All of Sweden');
    expect(region).toContain('Local police area');
    expect(region).toMatch(/\d+ %\s*<span class="muted"[^>]*>\(\d+ of \d+\)/);
  });

  it('names a bad year and answers 404 for an unknown area', async () => {
    const bad = await server.client().get('/sverige?ar=tjugo');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Året ska vara ett årtal');
    expect((await server.client().get('/sverige/finns-inte')).status).toBe(404);
  });
});
