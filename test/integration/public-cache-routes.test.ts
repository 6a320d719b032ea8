import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';
import { makeUser } from '../support/factories';
import { SYSTEM } from '../../src/lib/server/auth/policy';
import {
  listRevisions,
  loadRevisionContent
} from '../../src/lib/server/db/repositories/agreements/plan.repository';
import { buildNationalDemo } from '../../src/lib/server/seed/national/national.service';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { logActivity } from '../../src/lib/server/services/logging/activity.service';
import { createEvent } from '../../src/lib/server/services/publication/event.service';
import { stockholmDate } from '../../src/lib/core/stockholm-date';

/**
 * The public-page cache across app servers (issue 15 item 5). Every change here is written through
 * `server.ctx`, a second connection to the server's database, which is what another app server
 * on the same database does: the server under test hears of it only through the database (the
 * audit trail, looked at most every 250 ms). A write in Umeå leaves Norsjö's cached page served
 * from the cache (`x-cache: hit`, the same ETag); Umeå's page is rendered again and shows it.
 */
describe.each(DATABASES)('the public cache across servers on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let umeaAgreement: string;
  let umeaMeasure: string;
  let norsjoMeasure: string;

  const measureOf = async (agreementId: string) => {
    const revisions = await listRevisions(server.ctx.db, agreementId);
    return (await loadRevisionContent(server.ctx.db, revisions.at(-1)!.id)).measures[0]!.id;
  };
  /** Longer than the interval between two looks at the database. */
  const nextLook = () => new Promise((r) => setTimeout(r, 400));
  const inDays = (days: number) => stockholmDate(new Date(Date.now() + days * 86_400_000));

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    const built = await buildNationalDemo(server.ctx, {
      activities: 200,
      seed: 1,
      codes: ['2480'],
      surveyEvery: 0
    });
    umeaAgreement = built.agreementIds[0]!;
    umeaMeasure = await measureOf(umeaAgreement);
    norsjoMeasure = await measureOf((await findNorsjoAgreementId(server.ctx))!);
  }, 180_000);
  afterAll(() => server?.close());

  /** Asks twice, so the second answer comes from the cache. */
  const cached = async (path: string) => {
    await anon.get(path);
    const r = await anon.get(path);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-cache')).toBe('hit');
    return r;
  };

  it("leaves Norsjö's page in the cache when Umeå changes, and renders Umeå's anew with the change", async () => {
    const norsjo = await cached('/kommuner/2417');
    await cached('/kommuner/2480');
    const editor = (await makeUser(server.ctx, 'editor', await server.orgId('2480'))).actor;
    const title = `Trygghetsvandring vid Rådhustorget ${crypto.randomUUID().slice(0, 8)}`;
    await createEvent(server.ctx, editor, umeaAgreement, {
      title,
      kind: 'safety-walk',
      date: inDays(3),
      startTime: '18:00',
      endTime: '19:30',
      place: 'Rådhustorget',
      description: 'Vi går tillsammans.'
    });
    await logActivity(server.ctx, SYSTEM, { measureId: umeaMeasure, count: 1 });
    await nextLook();

    const umea = await anon.get('/kommuner/2480');
    expect(umea.headers.get('x-cache')).toBe('miss');
    expect(await umea.text()).toContain(title);
    const again = await anon.get('/kommuner/2417', {
      'if-none-match': norsjo.headers.get('etag')!
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-cache')).toBe('hit');
    const full = await anon.get('/kommuner/2417');
    expect(full.headers.get('x-cache')).toBe('hit');
    expect(await full.text()).not.toContain(title);
    // The widget is a page of Norsjö's too.
    await cached('/api/v1/widget/2417');
    await logActivity(server.ctx, SYSTEM, { measureId: umeaMeasure, count: 1 });
    await nextLook();
    expect((await anon.get('/api/v1/widget/2417')).headers.get('x-cache')).toBe('hit');
  });

  it('renders the pages of everyone (the front page, open data) again after any change', async () => {
    await cached('/data');
    await logActivity(server.ctx, SYSTEM, { measureId: umeaMeasure, count: 1 });
    await nextLook();
    expect((await anon.get('/data')).headers.get('x-cache')).toBe('miss');
  });

  it('after a change in Norsjö, concurrent first requests wait for one render (no stampede)', async () => {
    await cached('/kommuner/2417');
    await logActivity(server.ctx, SYSTEM, { measureId: norsjoMeasure, count: 1 });
    await nextLook();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => anon.get(`/kommuner/2417${i % 2 ? `?x=${i}` : ''}`))
    );
    const states = answers.map((a) => a.headers.get('x-cache'));
    expect(states.filter((s) => s === 'miss')).toHaveLength(1);
    expect(states.every((s) => s === 'miss' || s === 'shared' || s === 'hit')).toBe(true);
    expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
  });

  it('serves unread query strings from the same entry, compressed as the client asks', async () => {
    const plain = await cached('/kommuner/2417');
    const body = await plain.text();
    for (const [accept, encoding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.9', 'br'],
      ['identity', null]
    ] as const) {
      const r = await anon.get(`/kommuner/2417?utm_source=${accept}`, {
        'accept-encoding': accept
      });
      expect(r.headers.get('x-cache')).toBe('hit');
      expect(r.headers.get('content-encoding')).toBe(encoding);
      expect(r.headers.get('vary')).toMatch(/Accept-Encoding/);
      expect(r.headers.get('etag')).toBe(plain.headers.get('etag'));
      expect(await r.text()).toBe(body); // fetch decodes br and gzip
    }
    // JSON, cached (the page's data) and not (the API's follow-up), is compressed too; the
    // widget's JSON is under a kilobyte, too small to be worth it.
    const data = await anon.get('/kommuner/2417/__data.json?x-sveltekit-invalidated=01', {
      'accept-encoding': 'gzip'
    });
    expect(data.headers.get('content-type')).toMatch(/json/);
    expect(data.headers.get('content-encoding')).toBe('gzip');
    const followUp = await anon.get(`/api/v1/agreements/${umeaAgreement}/follow-up`, {
      'accept-encoding': 'br'
    });
    expect(followUp.status).toBe(200);
    expect(followUp.headers.get('content-encoding')).toBe('br');
    expect(followUp.headers.get('x-cache')).toBeNull();
  });
});
