import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Issue 11, items 2 and 4, proven through the routes: an editor of another municipality (or of a
 * police area elsewhere) cannot make Norsjö a party, sign for it, or create a survey, dialogue or
 * report under it; a draft answers like a missing id to anyone it does not name; an agreement is
 * signed only by each party's own editor, each approval in the audit trail.
 */
describe.each(DATABASES)('agreement consent routes on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let norsjo: HttpClient;
  let police: HttpClient;
  let skelleftea: HttpClient;
  let stockholm: HttpClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    norsjo = await server.signInAs('editor', 'kommun-2417');
    police = await server.signInAs('editor', 'lpo-skelleftea');
    skelleftea = await server.signInAs('editor', await server.orgId('2482'));
    stockholm = await server.signInAs('editor', await server.orgId('Polisregion Stockholm'));
  }, 180_000);
  afterAll(() => server?.close());

  const create = async (client: HttpClient, codes: string, policeAreaId = '') => {
    const res = await client.postForm('/avtal/ny', {
      title: 'Trygghet i Norsjö 2027',
      codes,
      policeAreaId,
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
      periodText: ''
    });
    return { res, id: /\/avtal\/([^/]+)\/redigera/.exec(res.headers.get('location') ?? '')?.[1] };
  };
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
  const status = async (id: string) =>
    (
      await server.ctx.db
        .selectFrom('agreements')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;

  it('refuses a Skellefteå editor an agreement that names only Norsjö', async () => {
    const { res, id } = await create(skelleftea, '2417');
    expect(res.status).toBe(403);
    expect(id).toBeUndefined();
  });

  it('a Skellefteå editor who names Norsjö only invites it: cannot accept or sign for it, nor act under /kommuner/2417', async () => {
    const { res, id } = await create(skelleftea, '2417, 2482');
    expect(res.status).toBe(303);
    expect(id).toBeTruthy();
    const accept = await skelleftea.postForm(`/avtal/${id}/godkannande?/accept`, {
      organisationId: 'kommun-2417'
    });
    expect(accept.status).toBe(403);
    const approve = await skelleftea.postForm(`/avtal/${id}/godkannande?/approve`, {
      version: await version(id!)
    });
    expect(approve.status).toBe(303);
    expect(await status(id!)).toBe('draft');
    const again = await skelleftea.postForm(`/avtal/${id}/godkannande?/approve`, {
      version: await version(id!)
    });
    expect(again.status).toBe(403);
    expect(await status(id!)).toBe('draft');

    // Not on Norsjö's public page, the API or the catalogue.
    for (const path of ['/kommuner/2417', '/api/v1/agreements?kommun=2417', '/api/v1/agreements'])
      expect(await (await anon.get(path)).text()).not.toContain(id!);

    // A survey, a report and a dialogue under Norsjö: refused, nothing created.
    const survey = await skelleftea.postForm('/kommuner/2417/enkater', {
      title: 'Trygghet i Norsjö',
      template: 'blank',
      agreementId: id!
    });
    expect(survey.status).toBe(403);
    const report = await skelleftea.postForm(`/avtal/${id}/rapporter`, {
      kind: 'year',
      year: '2027'
    });
    expect(report.status).toBe(403);
    const dialogue = await skelleftea.postForm(`/avtal/${id}/dialog/ny`, {
      kind: 'open_meeting',
      title: 'Möte',
      heldOn: '2026-11-01'
    });
    expect(dialogue.status).toBe(403);
    const made = await server.ctx.db
      .selectFrom('surveys')
      .select('id')
      .where('agreement_id', '=', id!)
      .execute();
    expect(made).toEqual([]);
  });

  it('answers a draft exactly like a missing id to those it does not name, and leaks no draft in the survey page’s data', async () => {
    const { id } = await create(norsjo, '2417', 'lpo-skelleftea');
    expect(id).toBeTruthy();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const client of [anon, stockholm, skelleftea]) {
      for (const suffix of ['', '/godkannande', '/dialog', '/lagesbild']) {
        const a = await client.get(`/avtal/${id}${suffix}`);
        const b = await client.get(`/avtal/${missing}${suffix}`);
        expect([a.status, suffix]).toEqual([b.status, suffix]);
        if (client !== anon || suffix === '') expect(a.status).toBe(404);
      }
    }
    // Staff of another organisation open Norsjö's surveys page: no draft's id or title in it.
    const page = await stockholm.get('/kommuner/2417/enkater');
    const body = await page.text();
    expect(body).not.toContain(id!);
    // The invited police area sees it, to accept.
    expect((await police.get(`/avtal/${id}/godkannande`)).status).toBe(200);
  });

  it('is signed only when each party’s own editor has approved, both approvals in the audit trail', async () => {
    const { id } = await create(norsjo, '2417', 'lpo-skelleftea');
    const page = await (await police.get(`/avtal/${id}/godkannande`)).text();
    expect(page).toContain('Godkänn att ');
    expect(page).toContain('Väntar på att ');
    expect(
      (
        await police.postForm(`/avtal/${id}/godkannande?/accept`, {
          organisationId: 'lpo-skelleftea'
        })
      ).status
    ).toBe(303);
    const v = await version(id!);
    const first = await norsjo.postForm(`/avtal/${id}/godkannande?/approve`, { version: v });
    expect(first.headers.get('location')).toContain('klart=godkand');
    expect(await (await norsjo.get(`/avtal/${id}/godkannande`)).text()).toContain(
      'Väntar på godkännande från '
    );
    const second = await police.postForm(`/avtal/${id}/godkannande?/approve`, { version: v });
    expect(second.headers.get('location')).toContain('klart=undertecknad');
    expect(await status(id!)).toBe('signed');
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'organisation_id'])
      .where('entity_id', '=', id!)
      .where('action', 'in', ['agreement.accept', 'agreement.approve', 'agreement.sign'])
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'agreement.accept', organisation_id: 'lpo-skelleftea' },
      { action: 'agreement.approve', organisation_id: 'kommun-2417' },
      { action: 'agreement.approve', organisation_id: 'lpo-skelleftea' },
      { action: 'agreement.sign', organisation_id: 'lpo-skelleftea' }
    ]);
    expect(await (await anon.get('/api/v1/agreements?kommun=2417')).text()).toContain(id!);
  });
});
