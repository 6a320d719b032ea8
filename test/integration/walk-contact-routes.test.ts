import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate } from '../../src/lib/core/stockholm-date';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Issue 18, item 5 through the routes: a door-knocking round's contacts are logged with a plain
 * form post (sent twice, stored once) and as JSON from the phone's queue; reporters read what was
 * said masked, editors as written; the public page of the held round shows counts and themes only.
 */
describe.each(DATABASES)('round contact routes on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let editor: HttpClient;
  let reporter: HttpClient;
  let other: HttpClient;
  let agreementId: string;
  let roundId: string;
  let safetyWalkId: string;
  const today = stockholmDate(new Date());
  const said =
    'Kalle Svensson på Storgatan 4 säger att det langas knark vid skolan, 070-123 45 67.';
  const samtal = () => `/avtal/${agreementId}/vandringar/${roundId}/samtal`;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    editor = await server.signInAs('editor', 'kommun-2417');
    reporter = await server.signInAs('reporter', 'kommun-2417');
    other = await server.signInAs('editor', await server.orgId('2482'));
    agreementId = (await findNorsjoAgreementId(server.ctx))!;
    const page = await (await editor.get(`/avtal/${agreementId}/vandringar`)).text();
    const measureKey = /<select id="measureKey"[\s\S]*?<option value="([^"]+)"/.exec(page)![1]!;
    const plan = async (kind: string) => {
      const res = await editor.postForm(`/avtal/${agreementId}/vandringar?/plan`, {
        measureKey,
        kind,
        area: 'Bastuträsk',
        meetingPoint: 'Skolan',
        date: today,
        startTime: '00:00',
        endTime: '00:30',
        invitedGroups: ''
      });
      expect(res.status).toBe(303);
      return /vandringar\/([\w-]+)\?planerad/.exec(res.headers.get('location') ?? '')![1]!;
    };
    roundId = await plan('dorrknackning');
    safetyWalkId = await plan('trygghetsvandring');
  }, 180_000);
  afterAll(() => server?.close());

  /** A page's HTML without Svelte's hydration comments. */
  const html = async (res: Response | Promise<Response>) =>
    (await (await res).text()).replace(/<!--[\s\S]*?-->/g, '');
  const contacts = async () =>
    Number(
      (
        await server.ctx.db
          .selectFrom('walk_contacts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n
    );

  it('links a round to its contact page, and offers the form with the survey themes', async () => {
    const walkPage = await (
      await reporter.get(`/avtal/${agreementId}/vandringar/${roundId}`)
    ).text();
    expect(walkPage).toContain(`href="${samtal()}"`);
    expect(walkPage).toContain('Ny iakttagelse');
    const safetyPage = await (
      await reporter.get(`/avtal/${agreementId}/vandringar/${safetyWalkId}`)
    ).text();
    expect(safetyPage).not.toContain('/samtal"');
    const page = await reporter.get(samtal());
    expect(page.status).toBe(200);
    const form = await html(page);
    expect(form).toContain('Nytt samtal');
    expect(form).toMatch(/<input type="checkbox" name="themes" value="narkotika"/);
    expect(form).toContain('Inga samtal är loggade ännu.');
    const safety = await (
      await reporter.get(`/avtal/${agreementId}/vandringar/${safetyWalkId}/samtal`)
    ).text();
    expect(safety).toContain('Samtal loggas på dörrknackning och nattvandring');
    expect(safety).not.toContain('Nytt samtal');
  });

  it('stores a form post sent twice once, names a wrong field, and refuses others', async () => {
    const fields = {
      idempotencyKey: 'form-contact-0001',
      people: '2',
      households: '1',
      time: '00:10',
      said,
      themes: ['narkotika', 'ungdomar']
    };
    const anonymous = await anon.postForm(`${samtal()}?/contact`, fields);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/logga-in/);
    expect((await other.postForm(`${samtal()}?/contact`, fields)).status).toBe(404);
    // The walk must belong to the agreement in the address.
    expect(
      (await reporter.postForm(`/avtal/nope/vandringar/${roundId}/samtal?/contact`, fields)).status
    ).toBe(404);
    const bad = await reporter.postForm(`${samtal()}?/contact`, { ...fields, people: 'två' });
    expect(bad.status).toBe(400);
    const badHtml = await html(bad);
    expect(badHtml).toContain('Skriv hur många personer ni talade med');
    // What was typed is kept, the themes too.
    expect(badHtml).toMatch(/value="ungdomar"\s+checked/);
    const wrongTheme = await reporter.postForm(`${samtal()}?/contact`, {
      ...fields,
      themes: 'knark'
    });
    expect(wrongTheme.status).toBe(400);
    expect(await wrongTheme.text()).toContain('Välj teman i listan');
    const onSafetyWalk = await reporter.postForm(
      `/avtal/${agreementId}/vandringar/${safetyWalkId}/samtal?/contact`,
      fields
    );
    expect(onSafetyWalk.status).toBe(400);
    expect(await contacts()).toBe(0);

    for (let i = 0; i < 2; i++) {
      const ok = await reporter.postForm(`${samtal()}?/contact`, fields);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('Samtalet är sparat.');
    }
    expect(await contacts()).toBe(1);
  });

  it('takes the phone queue’s JSON at the same address, once per key', async () => {
    const body = {
      idempotencyKey: 'queued-contact-0001',
      time: '00:20',
      people: '3',
      households: '',
      said: 'Mopeder kör fort förbi skolan.',
      themes: ['trafik']
    };
    expect((await anon.json('POST', `${samtal()}/skicka`, body)).status).toBe(401);
    expect((await other.json('POST', `${samtal()}/skicka`, body)).status).toBe(404);
    const bad = await reporter.json('POST', `${samtal()}/skicka`, { ...body, people: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('people');
    const first = await reporter.json('POST', `${samtal()}/skicka`, body);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      people: 3,
      households: null,
      time: '00:20',
      themes: [{ key: 'trafik', label: 'Trafik' }]
    });
    expect((await reporter.json('POST', `${samtal()}/skicka`, body)).status).toBe(200);
    expect(await contacts()).toBe(2);
  });

  it('shows reporters what was said masked and editors as written', async () => {
    const forReporter = await html(reporter.get(samtal()));
    expect(forReporter).toContain('Loggade samtal (2)');
    expect(forReporter).not.toContain('Svensson');
    expect(forReporter).not.toContain('070-123');
    expect(forReporter).toContain('[namn]');
    expect(forReporter).toContain('langas knark vid skolan');
    expect(forReporter).toContain('Personuppgifter är dolda');
    const forEditor = await html(editor.get(samtal()));
    expect(forEditor).toContain('Kalle Svensson på Storgatan 4');
    expect(forEditor).toContain('innehåller troligen personuppgifter');
    expect((await anon.get(samtal())).status).toBe(303);
    expect((await other.get(samtal())).status).toBe(404);
  });

  it('publishes counts and themes once the round is held, never what was said', async () => {
    const publicPath = `/kommuner/2417/vandringar/${roundId}`;
    const before = await (await anon.get(publicPath)).text();
    expect(before).not.toContain('Samtal under rundan');
    const held = await editor.postForm(`/avtal/${agreementId}/vandringar/${roundId}?/held`, {});
    expect(held.status).toBe(200);
    const page = await anon.get(publicPath);
    expect(page.status).toBe(200);
    const text = await html(page);
    expect(text).toContain('Samtal under rundan');
    expect(text).toMatch(/2 samtal med 5 personer, 1 hushåll/);
    expect(text).toMatch(/<th scope="row">Narkotika<\/th><td[^>]*>1<\/td>/);
    expect(text).toMatch(/<th scope="row">Trafik<\/th><td[^>]*>1<\/td>/);
    expect(text).toMatch(/<th scope="row">Ungdomar<\/th><td[^>]*>1<\/td>/);
    for (const secret of ['Svensson', 'langas', 'Mopeder', '[namn]'])
      expect(text).not.toContain(secret);
  });
});
