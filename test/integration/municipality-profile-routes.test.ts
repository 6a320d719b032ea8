import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';
import { SYSTEM } from '../../src/lib/server/auth/policy';
import { createSurvey, updateSurvey } from '../../src/lib/server/services/dialogue/survey.service';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/**
 * Issue 17 item 10: a municipality's editors set its logo, colour and contact in the browser
 * (a plain multipart form); the public page shows them, the logo comes from our own address, and
 * a survey says who is asking and leads back to the municipality's page.
 */
describe.each(DATABASES)('a municipality’s settings on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let editor: HttpClient;
  let reporter: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    editor = await server.signInAs('editor', 'kommun-2417');
    reporter = await server.signInAs('reporter', 'kommun-2417');
  }, 180_000);
  afterAll(() => server?.close());

  const save = (
    client: HttpClient,
    fields: Record<string, string>,
    logo?: Uint8Array<ArrayBuffer>
  ) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append(
      'logo',
      new Blob([logo ?? new Uint8Array()], { type: 'image/png' }),
      logo ? 'logo.png' : ''
    );
    return client.fetch('/kommuner/2417/installningar', {
      method: 'POST',
      body,
      headers: { origin: server.url, accept: 'text/html' }
    });
  };

  it('is for the municipality’s editors only', async () => {
    expect((await editor.get('/kommuner/2417/installningar')).status).toBe(200);
    expect((await reporter.get('/kommuner/2417/installningar')).status).toBe(403);
    expect((await anon.get('/kommuner/2417/installningar')).status).toBe(303);
    expect((await save(reporter, { colour: '#1a4d8f' })).status).toBe(403);
  });

  it('refuses a colour with too little contrast, naming the field', async () => {
    const res = await save(editor, { colour: '#ffcc00' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('för låg kontrast mot vit text');
  });

  it('shows the saved logo, colour and contact on the public page', async () => {
    const res = await save(
      editor,
      {
        colour: '#1a4d8f',
        logoAlt: 'Norsjö kommuns logotyp',
        contactName: 'Anna Andersson, trygghetssamordnare',
        contactEmail: 'anna.andersson@norsjo.se',
        contactPhone: '0918-141 00'
      },
      PNG
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Ändringen är sparad.');
    const page = await (await anon.get('/kommuner/2417')).text();
    expect(page).toContain('Anna Andersson, trygghetssamordnare');
    expect(page).toContain('mailto:anna.andersson@norsjo.se');
    expect(page).not.toContain('kontakta kommunens växel eller kundtjänst');
    expect(page).toContain('background: #1a4d8f');
    const href = /src="(\/kommuner\/2417\/logotyp\?v=[0-9a-f]+)"/.exec(page)?.[1];
    expect(href).toBeTruthy();
    const logo = await anon.get(href!);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await logo.arrayBuffer())).toEqual(PNG);
    expect((await anon.get('/kommuner/2482/logotyp')).status).toBe(404);
  });

  it('says on a survey who is asking, and its thank-you page leads back to the municipality', async () => {
    const agreementId = (await findNorsjoAgreementId(server.ctx))!;
    const head = { title: 'Trygghet i Norsjö', opensOn: '', closesOn: '', requiresCode: '' };
    const { id } = await createSurvey(server.ctx, SYSTEM, '2417', {
      ...head,
      template: 'safety',
      agreementId
    });
    await updateSurvey(server.ctx, SYSTEM, id, { ...head, status: 'open' });
    const form = await (await anon.get(`/enkat/${id}`)).text();
    expect(form).toContain('Enkäten kommer från');
    expect(form).toContain('Norsjö kommun och Lokalpolisområde Skellefteå');
    expect(form).toContain('alt="Norsjö kommuns logotyp"');
    const thanks = await (await anon.get(`/enkat/${id}/tack`)).text();
    expect(thanks).toContain('href="/kommuner/2417"');
    expect(thanks).toContain('Tillbaka till Norsjö kommun');
  });
});
