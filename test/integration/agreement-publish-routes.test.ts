import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Issue 17 item 2: publishing is a named step. The editor page offers "Publicera
 * överenskommelsen" for a draft; the step's page says what becomes public and, for the last
 * approver, asks for a confirmation that publishes it (a plain form, no JavaScript needed).
 */
describe.each(DATABASES)('the publishing step on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let norsjo: HttpClient;
  let police: HttpClient;
  let reporter: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    norsjo = await server.signInAs('editor', 'kommun-2417');
    police = await server.signInAs('editor', 'lpo-skelleftea');
    reporter = await server.signInAs('reporter', 'kommun-2417');
  }, 180_000);
  afterAll(() => server?.close());

  const version = async (id: string) =>
    String(
      (
        await server.ctx.db
          .selectFrom('agreements')
          .select('head_version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).head_version
    );

  it('names the step on the editor page, says what becomes public, and publishes on the last confirmation', async () => {
    const created = await norsjo.postForm('/avtal/ny', {
      title: 'Trygghet i Norsjö 2027',
      codes: '2417',
      policeAreaId: 'lpo-skelleftea',
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
      periodText: ''
    });
    const id = /\/avtal\/([^/]+)\/redigera/.exec(created.headers.get('location') ?? '')?.[1];
    expect(id).toBeTruthy();

    const editor = await (await norsjo.get(`/avtal/${id}/redigera`)).text();
    expect(editor).toContain(`href="/avtal/${id}/publicera"`);
    expect(editor).toContain('Publicera överenskommelsen');
    // A draft is not published by picking a status.
    expect(editor).not.toContain('<select id="status"');

    const step = await (await norsjo.get(`/avtal/${id}/publicera`)).text();
    expect(step).toContain('Det här blir offentligt');
    expect(step).toContain('Det här förblir internt');
    expect(step).toContain('Godkänn för Norsjö kommun');

    const first = await norsjo.postForm(`/avtal/${id}/publicera?/publish`, {
      version: await version(id!)
    });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/avtal/${id}/publicera?godkand=1`);
    expect((await anon.get(`/avtal/${id}`)).status).toBe(404);

    await police.postForm(`/avtal/${id}/godkannande?/accept`, { organisationId: 'lpo-skelleftea' });
    const last = await (await police.get(`/avtal/${id}/publicera`)).text();
    expect(last).toContain('Ja, publicera överenskommelsen');
    const publish = await police.postForm(`/avtal/${id}/publicera?/publish`, {
      version: await version(id!)
    });
    expect(publish.headers.get('location')).toBe(`/avtal/${id}?publicerad=1`);
    const shown = await (await anon.get(`/avtal/${id}?publicerad=1`)).text();
    expect(shown).toContain('Överenskommelsen är publicerad.');
    expect(shown).toContain('role="status"');
  });

  it('refuses the step to a reporter and sends a stranger to sign in', async () => {
    const created = await norsjo.postForm('/avtal/ny', {
      title: 'Trygghet i Norsjö 2028',
      codes: '2417',
      policeAreaId: '',
      periodStart: '2028-01-01',
      periodEnd: '2028-12-31',
      periodText: ''
    });
    const id = /\/avtal\/([^/]+)\/redigera/.exec(created.headers.get('location') ?? '')?.[1];
    expect((await reporter.get(`/avtal/${id}/publicera`)).status).toBe(403);
    const denied = await reporter.postForm(`/avtal/${id}/publicera?/publish`, {
      version: await version(id!)
    });
    expect(denied.status).toBe(403);
    expect((await anon.get(`/avtal/${id}/publicera`)).status).toBe(303);
  });

  it('confirms a save that leads to another page: the agreement, the plan, the events', async () => {
    const id = (
      await server.ctx.db
        .selectFrom('agreements')
        .select('id')
        .where('status', '=', 'signed')
        .executeTakeFirstOrThrow()
    ).id;
    const saved = /<p class="notice" role="status">([^<]*)<\/p>/;
    expect(saved.exec(await (await norsjo.get(`/avtal/${id}?sparad=1`)).text())?.[1]).toBe(
      'Ändringen är sparad.'
    );
    expect(saved.exec(await (await norsjo.get(`/avtal/${id}/plan?borttagen=1`)).text())?.[1]).toBe(
      'Ändringen är sparad: åtgärden är borttagen ur planen.'
    );
    expect(
      saved.exec(await (await norsjo.get(`/avtal/${id}/evenemang?sparad=1`)).text())?.[1]
    ).toBe('Ändringen är sparad.');
    expect(await (await norsjo.get(`/avtal/${id}`)).text()).not.toContain('Ändringen är sparad');
  });
});
