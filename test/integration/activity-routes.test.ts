import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/lib/server/auth/policy';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { updateAgreementHead } from '../../src/lib/server/services/agreements/agreement-edit.service';
import { getAgreementView } from '../../src/lib/server/services/agreements/agreement-view.service';
import { updateMeasure } from '../../src/lib/server/services/agreements/plan.service';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Issue 11 (items 3, 4's API part, 5, 11, 12) proven through the routes: the activities API and
 * the staff exports, called over HTTP by anonymous clients, outsiders and the two parties.
 */
describe.each(DATABASES)('activity routes on $kind', ({ kind }) => {
  let server: TestServer;
  let agreementId: string;
  let anon: HttpClient;
  let police: HttpClient;
  let policeEditor: HttpClient;
  let municipalityEditor: HttpClient;
  let outsider: HttpClient;
  let measureId: (key: string) => Promise<string>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    agreementId = (await findNorsjoAgreementId(server.ctx))!;
    anon = server.client();
    police = await server.signInAs('reporter', 'lpo-skelleftea');
    policeEditor = await server.signInAs('editor', 'lpo-skelleftea');
    municipalityEditor = await server.signInAs('editor', 'kommun-2417');
    outsider = await server.signInAs('editor', await server.orgId('2482'));
    measureId = async (key) =>
      (await getAgreementView(server.ctx, agreementId, { includeInternal: true }))
        .revision!.groups.flatMap((g) => g.measures)
        .find((m) => m.key === key)!.id;
  }, 180_000);
  afterAll(() => server?.close());

  const log = async (client: HttpClient, body: Record<string, unknown>) => {
    const res = await client.json('POST', '/api/v1/activities', body);
    const json = (await res.json()) as { id: string; publishAfter: string | null };
    return { status: res.status, json };
  };
  const fieldsOf = async (res: Response) => {
    expect(res.status).toBe(400);
    return ((await res.json()) as { fields: { field: string }[] }).fields.map((f) => f.field);
  };
  const row = (id: string) =>
    server.ctx.db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();

  it('gives no one outside the agreement an internal measure’s activities, and the exports need sign-in', async () => {
    const key = 'trygghetsvandring';
    const view = (await getAgreementView(server.ctx, agreementId, { includeInternal: true }))
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === key)!;
    await updateMeasure(server.ctx, SYSTEM, view.id, {
      title: view.title,
      targetText: view.target.text,
      partyIds: [],
      focusAreaKeys: [],
      visibility: 'internal',
      publicationRule: 'public',
      changeReason: 'Test: intern åtgärd.'
    });
    const logged = await log(police, {
      measureId: await measureId(key),
      date: '2022-03-10',
      place: 'Bastuträsk skola',
      publication: 'public'
    });
    expect(logged.status).toBe(201);

    const path = `/api/v1/activities?agreementId=${agreementId}&measureKey=${key}`;
    for (const client of [anon, outsider]) {
      const res = await client.get(path);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: unknown[]; total: number };
      expect(body).toMatchObject({ items: [], total: 0 });
    }
    const inside = (await (await police.get(path)).json()) as { items: { place: string }[] };
    expect(inside.items.map((a) => a.place)).toContain('Bastuträsk skola');

    const csv = `/avtal/${agreementId}/export/aktiviteter.csv`;
    const anonCsv = await anon.get(csv);
    expect(anonCsv.status).toBe(303);
    expect(anonCsv.headers.get('location')).toMatch(/^\/logga-in\?next=/);
    expect((await outsider.get(csv)).status).toBe(403);
    expect((await anon.get(`/avtal/${agreementId}/export/uppfoljning.csv`)).status).toBe(303);
    expect((await anon.get(`/avtal/${agreementId}/export`)).status).toBe(303);
    const mine = await police.get(csv);
    expect(mine.status, await mine.clone().text()).toBe(200);
    expect(await mine.text()).toMatch(/Bastuträsk skola/);
  });

  it('refuses a municipality editor who would publish a police activity, and changes nothing', async () => {
    const { json: a } = await log(police, {
      measureId: await measureId('trafikkontroller'),
      date: '2022-03-11'
    });
    const before = await row(a.id);
    expect(before).toMatchObject({ publication: 'monthly', publish_after: '2022-04-01' });
    const res = await municipalityEditor.json('PATCH', `/api/v1/activities/${a.id}`, {
      publication: 'public'
    });
    expect(res.status).toBe(403);
    expect(await row(a.id)).toEqual(before);
    const ok = await policeEditor.json('PATCH', `/api/v1/activities/${a.id}`, {
      publication: 'public'
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ publication: 'public', publishAfter: '2022-03-12' });
  });

  it('recomputes the publish date from the rule: internal → delayed and monthly → delayed', async () => {
    const key = 'dorrknackning';
    const view = (await getAgreementView(server.ctx, agreementId, { includeInternal: true }))
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === key)!;
    await updateMeasure(server.ctx, SYSTEM, view.id, {
      title: view.title,
      targetText: view.target.text,
      partyIds: [],
      focusAreaKeys: [],
      publicationRule: 'delayed',
      publicationDelayDays: 14,
      changeReason: 'Test: fördröjd.'
    });
    for (const publication of ['internal', 'monthly']) {
      const { json: a } = await log(police, {
        measureId: await measureId(key),
        date: '2022-03-10',
        publication
      });
      const res = await police.json('PATCH', `/api/v1/activities/${a.id}`, {
        publication: 'delayed'
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ publishAfter: '2022-03-24' });
      expect(await row(a.id)).toMatchObject({ publish_after: '2022-03-24' });
    }
  });

  it('answers 200 concurrent retries with one idempotency key with the stored activity', async () => {
    const key = `offline-http-${kind}-retry`;
    const body = {
      measureId: await measureId('trafikkontroller'),
      date: '2022-03-12',
      count: 2,
      idempotencyKey: key
    };
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => log(police, body).catch((e: unknown) => ({ error: e })))
    );
    const statuses = answers.map((a) => ('status' in a ? a.status : 0));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(199);
    const ids = new Set(answers.map((a) => ('json' in a ? a.json.id : 'error')));
    expect(ids.size).toBe(1);
    const rows = await server.ctx.db
      .selectFrom('activities')
      .select('id')
      .where('idempotency_key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
  }, 120_000);

  it('reads input strictly and names the wrong field', async () => {
    const measure = await measureId('trafikkontroller');
    for (const count of [true, [1], '1e3'])
      expect(
        await fieldsOf(
          await police.json('POST', '/api/v1/activities', { measureId: measure, count })
        )
      ).toEqual(['count']);

    const list = `/api/v1/activities?agreementId=${agreementId}`;
    for (const no of ['false', '0', 'no'])
      expect((await anon.get(`${list}&includeDeleted=${no}`)).status).toBe(200);
    expect((await anon.get(`${list}&includeDeleted=true`)).status).toBe(403);
    expect(await fieldsOf(await anon.get(`${list}&includeDeleted=maybe`))).toEqual([
      'includeDeleted'
    ]);
    expect(await fieldsOf(await anon.get(`${list}&page=1e3`))).toEqual(['page']);

    for (const ar of ['2e3', '0x7E4', '%202020', '2020.0'])
      expect(await fieldsOf(await anon.get(`/api/v1/agreements/${agreementId}?ar=${ar}`))).toEqual([
        'ar'
      ]);
    expect((await anon.get(`/api/v1/agreements/${agreementId}?ar=2020`)).status).toBe(200);

    const followUp = `/api/v1/agreements/${agreementId}/follow-up`;
    expect(await fieldsOf(await anon.get(`${followUp}?from=2030-01-01`))).toEqual(['from']);
    expect(await fieldsOf(await anon.get(`${followUp}?to=2010-01-01`))).toEqual(['to']);
    expect(await fieldsOf(await anon.get(`${followUp}?from=2021-05-01&to=2021-04-01`))).toEqual([
      'to'
    ]);
  });

  it('answers a draft exactly like a missing agreement to anyone not party to it', async () => {
    const missing = await anon.get('/api/v1/activities?agreementId=no-such-agreement');
    expect(missing.status).toBe(404);
    await updateAgreementHead(server.ctx, SYSTEM, agreementId, {
      title: 'Norsjö – medborgarlöften',
      status: 'draft',
      periodStart: '2019-01-01',
      periodEnd: '2022-12-31',
      signedOn: ''
    });
    for (const client of [anon, outsider]) {
      const res = await client.get(`/api/v1/activities?agreementId=${agreementId}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(
        await (await anon.get('/api/v1/activities?agreementId=no-such-agreement')).json()
      );
    }
    expect((await police.get(`/api/v1/activities?agreementId=${agreementId}`)).status).toBe(200);
  });
});
