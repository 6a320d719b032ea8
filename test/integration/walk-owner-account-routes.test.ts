import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/core/dates';
import { stockholmDate } from '../../src/lib/core/stockholm-date';
import { findNorsjoAgreementId } from '../../src/lib/server/seed/norsjo.service';
import { DATABASES } from '../support/databases';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/** A collaborating party of Norsjö's agreement (seed/norsjo.ts), with accounts in this test. */
const YOUTH_CENTRE = 'norsjo-fritidsgarden';

/**
 * Issue 18, item 3 through the routes, as a browser without JavaScript would: an editor gives
 * observations to Fritidsgården (a party with accounts), its reporter finds them on /att-gora
 * (past due first) and changes the status at /vandringar/iakttagelser/[id]; its viewer only
 * sees; a member of another organisation gets 404 and the signed-out are sent to sign in, and
 * a refused post changes nothing.
 */
describe.each(DATABASES)('owners with accounts through the routes on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let editor: HttpClient;
  let owner: HttpClient & { user: { id: string } };
  let ownerViewer: HttpClient;
  let other: HttpClient;
  let walkPath: string;
  const ids: string[] = [];
  const today = stockholmDate(new Date());
  const page = (id: string) => `/vandringar/iakttagelser/${id}`;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    editor = await server.signInAs('editor', 'kommun-2417');
    owner = await server.signInAs('reporter', YOUTH_CENTRE);
    ownerViewer = await server.signInAs('viewer', YOUTH_CENTRE);
    other = await server.signInAs('reporter', await server.orgId('2482'));
    const agreementId = (await findNorsjoAgreementId(server.ctx))!;
    // A walk of the demo (seed/demo-walks.ts); two new observations are recorded on it below.
    const walk = await server.ctx.db
      .selectFrom('walks')
      .select('id')
      .where('agreement_id', '=', agreementId)
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    walkPath = `/avtal/${agreementId}/vandringar/${walk.id}`;
    for (const description of ['Lampan vid fritidsgården är trasig', 'Häcken skymmer entrén']) {
      const res = await editor.postForm(`${walkPath}?/observe`, {
        category: 'belysning',
        description,
        lat: '',
        lng: ''
      });
      expect(res.status).toBe(200);
      const row = await server.ctx.db
        .selectFrom('walk_observations')
        .select('id')
        .where('description', '=', description)
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
  }, 180_000);
  afterAll(() => server?.close());

  /** What a refused call must leave alone: the observation, its history and the audit trail. */
  const state = async (id: string) =>
    JSON.stringify([
      await server.ctx.db
        .selectFrom('walk_observations')
        .selectAll()
        .where('id', '=', id)
        .execute(),
      await server.ctx.db
        .selectFrom('walk_observation_updates')
        .selectAll()
        .where('observation_id', '=', id)
        .orderBy('id')
        .execute(),
      await server.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ]);

  it('lets the editor pick a party with accounts, with no link made', async () => {
    const html = await (await editor.get(walkPath)).text();
    expect(html).toContain('name="ownerOrganisationId"');
    expect(html).toContain(`<option value="${YOUTH_CENTRE}"`);
    expect(html).not.toContain(`<option value="kommun-2482"`);
    const [lamp, hedge] = ids as [string, string];
    const res = await editor.postForm(`${walkPath}?/assign`, {
      observationId: lamp,
      ownerOrganisationId: YOUTH_CENTRE,
      owner: '',
      dueOn: addDays(today, 10)
    });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('De som har konto i Fritidsgården ser iakttagelsen under Att göra');
    expect(body).not.toContain('/vandringar/agare/');
    const refused = await editor.postForm(`${walkPath}?/assign`, {
      observationId: hedge,
      ownerOrganisationId: 'kommun-2482',
      owner: '',
      dueOn: addDays(today, 3)
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Välj en organisation i listan');
    await editor.postForm(`${walkPath}?/assign`, {
      observationId: hedge,
      ownerOrganisationId: YOUTH_CENTRE,
      owner: 'Fritidsgårdens vaktmästare',
      dueOn: addDays(today, 3)
    });
    const rows = await server.ctx.db
      .selectFrom('walk_observations')
      .select(['owner', 'owner_organisation_id'])
      .where('id', 'in', ids)
      .orderBy('due_on')
      .execute();
    expect(rows).toEqual([
      { owner: 'Fritidsgårdens vaktmästare', owner_organisation_id: YOUTH_CENTRE },
      { owner: 'Fritidsgården', owner_organisation_id: YOUTH_CENTRE }
    ]);
  });

  it('lists them on /att-gora for the organisation’s members, past due first, and for nobody else', async () => {
    const [lamp, hedge] = ids as [string, string];
    // A due date cannot be set in the past through the form: the hedge is made late here.
    await server.ctx.db
      .updateTable('walk_observations')
      .set({ due_on: addDays(today, -2) })
      .where('id', '=', hedge)
      .execute();
    const res = await owner.get('/att-gora');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Iakttagelser att åtgärda');
    const first = html.indexOf(`href="${page(hedge)}"`);
    const second = html.indexOf(`href="${page(lamp)}"`);
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(html.slice(html.indexOf('Iakttagelser att åtgärda'), first)).toContain('Försenad');
    const seen = await (await ownerViewer.get('/att-gora')).text();
    expect(seen).toContain(`href="${page(lamp)}"`);
    expect(seen).not.toContain('Ändra status');
    const elsewhere = await (await other.get('/att-gora')).text();
    expect(elsewhere).not.toContain(page(lamp));
    expect(elsewhere).not.toContain('Iakttagelser att åtgärda');
  });

  it('refuses the signed-out, another organisation and a viewer, changing nothing', async () => {
    const lamp = ids[0]!;
    const before = await state(lamp);
    const signedOut = await anon.get(page(lamp));
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(
      `/logga-in?next=${encodeURIComponent(page(lamp))}`
    );
    const anonPost = await anon.postForm(page(lamp), { status: 'åtgärdad', note: '' });
    expect(anonPost.status === 401 || anonPost.status === 303).toBe(true);
    if (anonPost.status === 303) expect(anonPost.headers.get('location')).toMatch(/^\/logga-in/);
    expect((await other.get(page(lamp))).status).toBe(404);
    expect((await other.postForm(page(lamp), { status: 'åtgärdad', note: '' })).status).toBe(404);
    expect((await editor.get(page(lamp))).status).toBe(404);
    const viewerPage = await ownerViewer.get(page(lamp));
    expect(viewerPage.status).toBe(200);
    const viewerHtml = await viewerPage.text();
    expect(viewerHtml).toContain('Lampan vid fritidsgården är trasig');
    expect(viewerHtml).not.toContain('name="status"');
    expect(viewerHtml).toContain('Du kan se iakttagelsen men inte ändra den');
    const viewerPost = await ownerViewer.postForm(page(lamp), { status: 'åtgärdad', note: '' });
    expect(viewerPost.status).toBe(403);
    expect((await owner.get(`/vandringar/iakttagelser/${crypto.randomUUID()}`)).status).toBe(404);
    expect(await state(lamp)).toBe(before);
  });

  it('lets a member change the status with a plain form post, recorded with the user and audited', async () => {
    const lamp = ids[0]!;
    const form = await owner.get(page(lamp));
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<select id="status" name="status"');
    const bad = await owner.postForm(page(lamp), { status: 'åtgärdas inte', note: '' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Skriv varför det inte åtgärdas');
    const ok = await owner.postForm(page(lamp), { status: 'pågår', note: 'Ny lampa beställd' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Tack! Ändringen är sparad.');
    const row = await server.ctx.db
      .selectFrom('walk_observations')
      .select(['status', 'status_reason'])
      .where('id', '=', lamp)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pågår', status_reason: 'Ny lampa beställd' });
    const last = await server.ctx.db
      .selectFrom('walk_observation_updates')
      .select(['status', 'note', 'by_user', 'via_link'])
      .where('observation_id', '=', lamp)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({
      status: 'pågår',
      note: 'Ny lampa beställd',
      by_user: owner.user.id,
      via_link: null
    });
    const audit = await server.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'after_json'])
      .where('action', '=', 'observation.status')
      .where('entity_id', '=', lamp)
      .execute();
    expect(audit.map((a) => [a.actor_id, JSON.parse(a.after_json!).viaOrganisation])).toEqual([
      [owner.user.id, YOUTH_CENTRE]
    ]);
  });

  it('takes the observation away when the editor gives it a free-text owner', async () => {
    const lamp = ids[0]!;
    const res = await editor.postForm(`${walkPath}?/assign`, {
      observationId: lamp,
      ownerOrganisationId: '',
      owner: 'Gatukontoret',
      dueOn: addDays(today, 10)
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/vandringar/agare/');
    expect((await owner.get(page(lamp))).status).toBe(404);
    expect(await (await owner.get('/att-gora')).text()).not.toContain(page(lamp));
  });

  it('shows the demo: the hedge of the past demo walk is Norsjö kommun’s, on its people’s Att göra', async () => {
    const kommun = await server.signIn('kommun@demo.loften.se');
    const todo = (await (await kommun.get('/att-gora')).text()).replace(/<!--[^>]*-->/g, '');
    expect(todo).toContain('Iakttagelser att åtgärda');
    expect(todo).toContain('Buskarna vid busshållplatsen');
    const hedge = await server.ctx.db
      .selectFrom('walk_observations')
      .select(['id', 'owner', 'owner_organisation_id'])
      .where('description', 'like', 'DEMO: Buskarna%')
      .executeTakeFirstOrThrow();
    expect(hedge).toMatchObject({
      owner: 'Norsjö kommun, parkenheten (demo)',
      owner_organisation_id: await server.orgId('2417')
    });
    expect(todo).toContain(page(hedge.id));
    // The police's people have nothing of it.
    const polis = await server.signIn('polis@demo.loften.se');
    expect(await (await polis.get('/att-gora')).text()).not.toContain(page(hedge.id));
  });
});
