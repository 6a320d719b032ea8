import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { getAgreementView } from '../../src/lib/server/services/agreements/agreement-view.service';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Issue 17 items 5 and 6 and issue 16 item 2's preview, through the routes: nothing preselected
 * on a first visit, a reporter corrects and undoes their own activity without JavaScript (and
 * not a colleague's), and the import preview lets the person choose the header row.
 */
describe.each(DATABASES)('logging routes on $kind', ({ kind }) => {
  let server: TestServer;
  let agreementId: string;
  let reporter: HttpClient;
  let colleague: HttpClient;
  let walkId: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    agreementId = (await findNorsjoAgreementId(server.ctx))!;
    reporter = await server.signInAs('reporter', 'kommun-2417');
    colleague = await server.signInAs('reporter', 'kommun-2417');
    walkId = (await getAgreementView(server.ctx, agreementId, { includeInternal: true }))
      .revision!.groups.flatMap((g) => g.measures)
      .find((m) => m.key === 'trygghetsvandring')!.id;
  }, 180_000);
  afterAll(() => server?.close());

  const selectedOptions = (html: string) =>
    [...html.matchAll(/<option([^>]*)>/g)]
      .filter((m) => /\sselected/.test(m[1]!))
      .map((m) => /value="([^"]*)"/.exec(m[1]!)?.[1] ?? '');

  it('preselects no measure on a first visit, then the one last logged, and says it works offline', async () => {
    const first = await (await reporter.get('/logga')).text();
    expect(first).toContain('Välj åtgärd');
    expect(first).toContain('Sidan fungerar utan nät');
    expect(selectedOptions(first).filter(Boolean)).toEqual([]);
    const logged = await reporter.postForm('/logga', {
      measureId: walkId,
      date: '2026-11-20',
      count: '1'
    });
    expect(logged.status).toBe(303);
    const after = await (await reporter.get('/logga')).text();
    expect(selectedOptions(after)).toContain(walkId);
  });

  it('lets a reporter correct and undo their own activity with forms, audited, and not a colleague’s', async () => {
    await reporter.postForm('/logga', {
      measureId: walkId,
      date: '2026-11-21',
      count: '1',
      idempotencyKey: 'logging-routes-correct'
    });
    const stored = await server.ctx.db
      .selectFrom('activities')
      .selectAll()
      .where('idempotency_key', '=', 'logging-routes-correct')
      .executeTakeFirstOrThrow();
    const page = await (await reporter.get('/logga/mina')).text();
    expect(page).toContain(`/logga/mina?andra=${stored.id}`);
    expect(page).toContain('Ångra');
    expect(await (await colleague.get('/logga/mina')).text()).not.toContain(stored.id);

    const bad = await reporter.postForm('/logga/mina?/andra', {
      id: stored.id,
      count: '2,5',
      date: '2026-11-21',
      place: '',
      note: ''
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Antal');

    const byColleague = await colleague.postForm('/logga/mina?/andra', {
      id: stored.id,
      count: '9',
      date: '2026-11-21',
      place: '',
      note: ''
    });
    expect(byColleague.status).toBe(403);
    expect((await colleague.postForm('/logga/mina?/angra', { id: stored.id })).status).toBe(403);

    const ok = await reporter.postForm('/logga/mina?/andra', {
      id: stored.id,
      count: '3',
      date: '2026-11-19',
      place: 'Skolan',
      note: 'Rättat'
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/logga/mina?klar=andrad');
    const row = () =>
      server.ctx.db
        .selectFrom('activities')
        .selectAll()
        .where('id', '=', stored.id)
        .executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({
      count: 3,
      occurred_on: '2026-11-19',
      place: 'Skolan',
      note: 'Rättat',
      deleted_at: null
    });

    const undo = await reporter.postForm('/logga/mina?/angra', { id: stored.id });
    expect(undo.status).toBe(303);
    expect((await row()).deleted_at).not.toBeNull();
    expect(await (await reporter.get('/logga/mina')).text()).not.toContain(stored.id);
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', stored.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'activity.create',
      'activity.delete',
      'activity.update'
    ]);
  });

  it('shows what the import left out and reads the upload again with the chosen header row', async () => {
    const body = new FormData();
    const csv =
      'Aktiviteter 2026;;\nÅtgärd;Datum;Antal\nTrygghetsvandring;2026-11-02;1\nSumma;;1\n';
    body.append('fil', new File([csv], 'med titel.csv', { type: 'text/csv' }));
    const up = await reporter.fetch(`/avtal/${agreementId}/import?/upload`, {
      method: 'POST',
      body,
      headers: { origin: server.url, accept: 'text/html' }
    });
    expect(up.status).toBe(303);
    const previewUrl = up.headers.get('location')!;
    const uploadId = new URL(previewUrl, server.url).searchParams.get('fil')!;
    const preview = await (await reporter.get(previewUrl)).text();
    expect(preview).toContain('Rubrikraden är rad 2.');
    expect(preview).toContain('Rad 4 är en summarad och läses inte in.');
    expect(selectedOptions(preview)).toContain('2');

    const bad = await reporter.postForm(`/avtal/${agreementId}/import?/headerRow`, {
      fil: uploadId,
      headerRow: 'två'
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Välj rubrikraden med dess radnummer');

    const chosen = await reporter.postForm(`/avtal/${agreementId}/import?/headerRow`, {
      fil: uploadId,
      headerRow: '1'
    });
    expect(chosen.status).toBe(303);
    const again = await (await reporter.get(chosen.headers.get('location')!)).text();
    expect(again).toContain('A: Aktiviteter 2026');
    expect(
      (
        await colleague.postForm(`/avtal/${agreementId}/import?/headerRow`, {
          fil: uploadId,
          headerRow: '2'
        })
      ).status
    ).toBe(404);
  });
});
