import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/lib/server/auth/policy';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { getAgreementView } from '../../src/lib/server/services/agreements/agreement-view.service';
import { updateMeasure } from '../../src/lib/server/services/agreements/plan.service';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Issue 13, hours as a unit, through /logga without JavaScript: a measure whose target is in
 * hours asks for "Tid (timmar)", reads 1,5 as 90 minutes and names a wrong time in Swedish.
 */
describe.each(DATABASES)('logging time on /logga on $kind', ({ kind }) => {
  let server: TestServer;
  let reporter: HttpClient;
  let walkId: string;
  let knockId: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    const agreementId = (await findNorsjoAgreementId(server.ctx))!;
    reporter = await server.signInAs('reporter', 'kommun-2417');
    const measures = (
      await getAgreementView(server.ctx, agreementId, { includeInternal: true })
    ).revision!.groups.flatMap((g) => g.measures);
    const walk = measures.find((m) => m.key === 'trygghetsvandring')!;
    walkId = walk.id;
    knockId = measures.find((m) => m.key === 'dorrknackning')!.id;
    await updateMeasure(server.ctx, SYSTEM, walk.id, {
      title: walk.title,
      targetText: '10 timmar per vecka',
      targetEffectiveFrom: '2019-01-01',
      partyIds: ['kommun-2417'],
      focusAreaKeys: [],
      changeReason: 'Test: mål i timmar.'
    });
  }, 180_000);
  afterAll(() => server?.close());

  it('asks for "Tid (timmar)" only for a measure whose target is in hours', async () => {
    const walk = await (await reporter.get(`/logga?atgard=${walkId}`)).text();
    expect(walk).toContain('<label for="hours">Tid (timmar)</label>');
    expect(walk).toContain('saknar tid');
    const knock = await (await reporter.get(`/logga?atgard=${knockId}`)).text();
    expect(knock).not.toContain('name="hours"');
  });

  it('stores "1,5" as 90 minutes, and no time as none', async () => {
    for (const [key, hours] of [
      ['logging-time-1', '1,5'],
      ['logging-time-2', '']
    ] as const) {
      const r = await reporter.postForm('/logga', {
        measureId: walkId,
        date: '2026-11-20',
        count: '1',
        hours,
        idempotencyKey: key
      });
      expect(r.status).toBe(303);
    }
    const rows = await server.ctx.db
      .selectFrom('activities')
      .select(['idempotency_key', 'duration_minutes'])
      .where('idempotency_key', 'in', ['logging-time-1', 'logging-time-2'])
      .orderBy('idempotency_key')
      .execute();
    expect(rows.map((r) => r.duration_minutes)).toEqual([90, null]);
  });

  it('names a wrong time in Swedish and keeps what was typed', async () => {
    const r = await reporter.postForm('/logga', {
      measureId: walkId,
      date: '2026-11-20',
      count: '1',
      hours: 'en och en halv'
    });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain('Skriv tiden i timmar med decimalkomma, till exempel 1,5');
    expect(html).toContain('value="en och en halv"');
  });

  it('shows the time on "Mina aktiviteter", adds one to an activity without it, and clears it', async () => {
    const row = await server.ctx.db
      .selectFrom('activities')
      .select(['id'])
      .where('idempotency_key', '=', 'logging-time-2')
      .executeTakeFirstOrThrow();
    const list = await (await reporter.get('/logga/mina')).text();
    expect(list).toContain('1,5 h');
    expect(list).toContain('saknar tid');
    const form = await (await reporter.get(`/logga/mina?andra=${row.id}`)).text();
    expect(form).toMatch(new RegExp(`<label for="hours-${row.id}"[^>]*>Tid \\(timmar\\)</label>`));
    const fields = { id: row.id, count: '1', date: '2026-11-20', place: '', note: '' };
    const bad = await reporter.postForm('/logga/mina?/andra', { ...fields, hours: 'länge' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Skriv tiden i timmar med decimalkomma');
    const minutes = async () =>
      (
        await server.ctx.db
          .selectFrom('activities')
          .select(['duration_minutes'])
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow()
      ).duration_minutes;
    expect(
      (await reporter.postForm('/logga/mina?/andra', { ...fields, hours: '2:15' })).status
    ).toBe(303);
    expect(await minutes()).toBe(135);
    expect((await reporter.postForm('/logga/mina?/andra', { ...fields, hours: '' })).status).toBe(
      303
    );
    expect(await minutes()).toBeNull();
  });
});
