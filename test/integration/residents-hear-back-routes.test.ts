import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/lib/server/auth/policy';
import { subscriptionMailJob } from '../../src/lib/server/jobs/subscription-mail.job';
import { createSurvey, updateSurvey } from '../../src/lib/server/services/dialogue/survey.service';
import { createNews } from '../../src/lib/server/services/publication/news.service';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { DATABASES } from '../support/databases';
import { makeUser } from '../support/factories';
import { startTestServer, type TestServer } from '../support/http';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp';
import { TEST_AREAS } from '../support/surveys';

/** The head of a raw message with folded lines joined. */
const headOf = (raw: string) => raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');

/**
 * Residents hear back (issue 17, items 8 and 9) over HTTP: a resident subscribes by e-mail,
 * confirms with the mailed link, gets a new news item once and leaves with the one-click link.
 */
describe.each(DATABASES)('residents hear back over HTTP on $kind', ({ kind }) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let editor: Actor;
  const anon = () => server.client();
  const subscriptions = () => server.ctx.db.selectFrom('subscriptions').selectAll().execute();

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer(kind, {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Löften <noreply@loften.test>' }
    });
    editor = (await makeUser(server.ctx, 'editor', await server.orgId('2417'))).actor;
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('subscribes, confirms by e-mail, gets a new news item once and unsubscribes in one click', async () => {
    const page = await (await anon().get('/kommuner/2417')).text();
    expect(page).toContain('href="/kommuner/2417/prenumerera"');
    expect(page).toContain('Få nyheter via e-post');

    const form = await anon().get('/kommuner/2417/prenumerera');
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('Det här sparar vi');
    expect(formHtml).toContain('Avsluta prenumerationen');

    const wrong = await anon().postForm('/kommuner/2417/prenumerera', { email: 'anna-exempel.se' });
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('Skriv en hel e-postadress');
    expect(wrongHtml).toContain('value="anna-exempel.se"');
    expect(smtp.received).toHaveLength(0);

    const sent = await anon().postForm('/kommuner/2417/prenumerera', {
      email: 'Anna@Exempel.se'
    });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain(
      'Vi har skickat ett mejl till <strong>anna@exempel.se</strong>'
    );
    expect(smtp.received).toHaveLength(1);
    const confirmation = smtp.received[0]!;
    expect(confirmation.to).toEqual(['anna@exempel.se']);
    const confirmLink = /(http\S+\/prenumeration\/bekrafta\?token=\S+)/.exec(
      confirmation.text
    )![1]!;
    const confirmPath = new URL(confirmLink).pathname + new URL(confirmLink).search;
    expect(new URL(confirmLink).origin).toBe(server.url);

    // Opening the link changes nothing; the button confirms.
    const ask = await anon().get(confirmPath);
    expect(await ask.text()).toContain('Ja, bekräfta');
    expect((await subscriptions())[0]!.confirmed_at).toBeNull();
    const confirmed = await anon().postForm(confirmPath, {});
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('du prenumererar nu');
    expect((await subscriptions())[0]!.confirmed_at).not.toBeNull();
    expect(await (await anon().get(confirmPath)).text()).toContain('Länken fungerar inte');

    // Published afterwards: mailed once by the job, however often it runs.
    const agreementId = (await findNorsjoAgreementId(server.ctx))!;
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
      new Date()
    );
    await createNews(server.ctx, editor, agreementId, {
      title: 'Ny belysning vid skolan',
      body: 'Kommunen har satt upp nya lampor längs gångvägen till skolan.',
      publishedOn: today
    });
    await subscriptionMailJob.run(server.ctx);
    await subscriptionMailJob.run(server.ctx);
    expect(smtp.received).toHaveLength(2);
    const news = smtp.received[1]!;
    expect(news.to).toEqual(['anna@exempel.se']);
    expect(news.subject).toBe('Nyhet från Norsjö kommun: Ny belysning vid skolan');
    const head = headOf(news.raw);
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im);
    const unsubscribeLink = /^List-Unsubscribe: <([^>]+)>/im.exec(head)![1]!.replace(/ /g, '');
    expect(news.text).toContain(unsubscribeLink);
    const unsubscribePath = new URL(unsubscribeLink).pathname + new URL(unsubscribeLink).search;

    // The link shows a button; a mail program's RFC 8058 POST (no session, no Origin) unsubscribes.
    expect(await (await anon().get(unsubscribePath)).text()).toContain(
      'Avsluta och radera min adress'
    );
    const oneClick = await fetch(new URL(unsubscribePath, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual'
    });
    expect(oneClick.status).toBe(200);
    // A mail program sends no Accept header: SvelteKit answers with the action's JSON, a 200.
    expect(oneClick.headers.get('content-type')).toMatch(/json/);
    expect(await subscriptions()).toEqual([]);
    expect(await server.ctx.db.selectFrom('subscription_deliveries').selectAll().execute()).toEqual(
      []
    );
    expect(await (await anon().get(unsubscribePath)).text()).toContain(
      'Prenumerationen är redan avslutad'
    );
  });

  it('answers 404 for an unpublished survey’s results as for a wrong id, and shows a closed one’s', async () => {
    const head = { title: 'Enkät om parken', opensOn: '', closesOn: '', requiresCode: '' };
    const { id } = await createSurvey(server.ctx, editor, '2417', {
      ...head,
      template: 'safety',
      areas: TEST_AREAS.join('\n')
    });
    const draft = await anon().get(`/kommuner/2417/enkater/${id}/resultat`);
    const wrong = await anon().get(`/kommuner/2417/enkater/${crypto.randomUUID()}/resultat`);
    expect(draft.status).toBe(404);
    expect(wrong.status).toBe(404);
    const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const draftHtml = await draft.text();
    expect(text(draftHtml)).toContain('Enkäten finns inte.');
    expect(text(await wrong.text())).toContain('Enkäten finns inte.');
    expect(draftHtml).not.toContain('Enkät om parken');

    await updateSurvey(server.ctx, editor, id, { ...head, status: 'closed' });
    const closed = await anon().get(`/kommuner/2417/enkater/${id}/resultat`);
    expect(closed.status).toBe(200);
    const html = await closed.text();
    expect(html).toContain('Resultat: Enkät om parken');
    expect(html).toContain('Färre än 5 svarade, så inga resultat per fråga visas.');
    // Another municipality's address does not find it.
    expect((await anon().get(`/kommuner/2482/enkater/${id}/resultat`)).status).toBe(404);

    // Residents' list of surveys links to the results, and never to a draft.
    const { id: draftId } = await createSurvey(server.ctx, editor, '2417', {
      ...head,
      title: 'Hemligt utkast',
      template: 'blank'
    });
    const list = await anon().get('/kommuner/2417/enkater');
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain(`href="/kommuner/2417/enkater/${id}/resultat"`);
    expect(listHtml).not.toContain(draftId);
    expect(listHtml).not.toContain('Hemligt utkast');
  });
});
