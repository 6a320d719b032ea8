import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/core/dates';
import { stockholmDate } from '../../src/lib/core/stockholm-date';
import {
  assignObservation,
  recordObservation,
  setObservationPublic,
  updateObservationStatus
} from '../../src/lib/server/services/walks/observation.service';
import {
  markWalkHeld,
  planWalk,
  walkableMeasures
} from '../../src/lib/server/services/walks/walk.service';
import { findDemoSurvey } from '../../src/lib/server/db/repositories/dialogue/survey.repository';
import { demoOpenSurveyTitle } from '../../src/lib/server/seed/demo-residents';
import { findNorsjoAgreementId, norsjoIds } from '../../src/lib/server/seed/norsjo.service';
import { DATABASES } from '../support/databases';
import { makeUser } from '../support/factories';
import { geoJsonProblems } from '../support/geojson';
import { startTestServer, type HttpClient, type TestServer } from '../support/http';

/**
 * Issue 18, items 4 and 6, through the routes as a resident reads them: a held walk with one
 * approved observation fixed in time and one not approved. The feed (read with a feed parser),
 * "Ni sa – vi gör" and the walks page with its indicator over time show the approved one only.
 */
describe.each(DATABASES)('walks in public on $kind', ({ kind }) => {
  let server: TestServer;
  let anon: HttpClient;
  let walkId: string;
  let agreementId: string;
  const today = stockholmDate(new Date());
  const FIXED = 'Lampan vid Testtunneln var trasig';
  const HIDDEN = 'Karin Persson i nummer 7 är orolig';

  beforeAll(async () => {
    server = await startTestServer(kind);
    anon = server.client();
    const ctx = server.ctx;
    agreementId = (await findNorsjoAgreementId(ctx))!;
    const { actor } = await makeUser(ctx, 'editor', 'kommun-2417');
    const measureKey = (await walkableMeasures(ctx, actor, agreementId)).measures[0]!.key;
    ({ id: walkId } = await planWalk(ctx, actor, agreementId, {
      measureKey,
      kind: 'trygghetsvandring',
      area: 'Testområdet',
      meetingPoint: 'Testtorget',
      date: addDays(today, -2),
      startTime: '18:00',
      endTime: '19:30',
      invitedGroups: ''
    }));
    const fixed = await recordObservation(ctx, actor, walkId, {
      category: 'belysning',
      description: FIXED,
      lat: 64.9105,
      lng: 19.4823
    });
    const hidden = await recordObservation(ctx, actor, walkId, {
      category: 'ovrigt',
      description: HIDDEN
    });
    await assignObservation(ctx, actor, fixed.observation.id, {
      owner: 'Tekniska kontoret',
      dueOn: today
    });
    await updateObservationStatus(ctx, actor, fixed.observation.id, {
      status: 'åtgärdad',
      note: 'Ny armatur.'
    });
    await updateObservationStatus(ctx, actor, hidden.observation.id, { status: 'pågår' });
    await setObservationPublic(ctx, actor, fixed.observation.id, true);
    await markWalkHeld(ctx, actor, walkId);
  }, 180_000);
  afterAll(() => server?.close());

  it('carries the held walk and the fixed observation in the Atom feed, not the unapproved one', async () => {
    const res = await anon.get('/kommuner/2417/flode.atom');
    expect(res.status).toBe(200);
    const xml = await res.text();
    const feed = parseFeed(xml);
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('Trygghetsvandringen i Testområdet är genomförd');
    const item = feed.items.find((i) => i.title === `Åtgärdat: ${FIXED}`);
    expect(item?.url).toMatch(new RegExp(`/kommuner/2417/vandringar/${walkId}#iakttagelse-`));
    expect(item?.categories.map((c) => c.term)).toEqual(['iakttagelse']);
    expect(xml).not.toContain('Karin Persson');
    const page = await (await anon.get('/kommuner/2417/flode')).text();
    expect(page).toContain(`Åtgärdat: ${FIXED}`);
    expect(page).toContain('Från en vandring');
  });

  it('shows what residents pointed out next to what was done on "Ni sa – vi gör"', async () => {
    const res = await anon.get('/kommuner/2417/ni-sa-vi-gor');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Det ni pekade ut på trygghetsvandringar');
    const section = html.slice(html.indexOf(`id="vandring-${walkId}"`));
    // Norsjö's agreement is real (not marked demo), so the walk carries no demo badge.
    expect(section).toMatch(/Trygghetsvandring i Testområdet, [\d-]+(<!--[^>]*-->)*<\/h3>/);
    expect(section).toContain(FIXED);
    expect(section).toMatch(new RegExp(`Åtgärdad</strong>(<!--[^>]*-->)*(&nbsp;|\u00a0)${today}`));
    expect(section).toContain('Tekniska kontoret');
    expect(html).not.toContain('Karin Persson');
  });

  it('shows the share fixed in time per tertial on the walks page, as a chart and a table', async () => {
    const html = await (await anon.get('/kommuner/2417/vandringar')).text();
    expect(html).toContain('Åtgärdat i tid över tid');
    const section = html.slice(html.indexOf('id="over-tid"'));
    expect(section).toMatch(
      /<svg[^>]*role="img"[^>]*aria-label="Stapeldiagram: andel iakttagelser/
    );
    const tertial = ['januari–april', 'maj–augusti', 'september–december'][
      Math.floor((Number(today.slice(5, 7)) - 1) / 4)
    ];
    expect(section).toMatch(
      new RegExp(
        `<th scope="row"[^>]*>${today.slice(0, 4)}, ${tertial}</th>\\s*<td[^>]*>\\d+ procent \\(\\d+ av \\d+\\)</td>`
      )
    );
  });

  it('offers the approved observations as open data (CSV and GeoJSON) on /data', async () => {
    const page = await (await anon.get('/data')).text();
    expect(page).toContain(`href="/data/${agreementId}/iakttagelser.csv"`);
    expect(page).toContain(`href="/data/${agreementId}/iakttagelser.geojson"`);
    expect(page).toContain('Kolumner i iakttagelserna (iakttagelser.csv)');
    const csv = await anon.get(`/data/${agreementId}/iakttagelser.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      'id,walkId,category,categoryLabel,description,lat,lng,owner,dueOn,status,statusLabel,reason,fixedOn,updatedAt'
    );
    expect(text).toContain(FIXED);
    expect(text).not.toContain('Karin Persson');
    const geo = await anon.get(`/data/${agreementId}/iakttagelser.geojson`);
    expect(geo.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const body = (await geo.json()) as { features: { geometry: { coordinates: number[] } }[] };
    expect(geoJsonProblems(body)).toEqual([]);
    expect(body.features.map((f) => f.geometry.coordinates)).toContainEqual([19.4823, 64.9105]);
    expect((await anon.get('/data/finns-inte/iakttagelser.csv')).status).toBe(404);
  });

  it('speaks English on the walks list and "Ni sa – vi gör" when asked', async () => {
    const en = server.client();
    const html = await (await en.get('/kommuner/2417/vandringar?lang=en')).text();
    expect(html).toContain('Safety walks, door-knocking and night walks in Norsjö');
    expect(html).toContain('Fixed in time, over time');
    // The chart itself speaks English too: its name, its periods and the figures beside its bars.
    const svg = /<svg role="img"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg).toMatch(/aria-label="Bar chart: share of observations fixed by their due date/);
    expect(svg).toMatch(/\d+ % \(\d+ of \d+\)/);
    expect(svg).toMatch(/September–December|May–August|January–April/);
    expect(svg).not.toMatch(/\bav\b|Stapeldiagram|procent|bedömt/);
    expect(html).toMatch(/Safety walk\s+in\s+Testområdet/);
    // A walk's report page: its own words in English, the walk's texts as written.
    const report = await (await en.get(`/kommuner/2417/vandringar/${walkId}`)).text();
    expect(report).toContain('Report: what we saw and what is being done');
    expect(report).toMatch(/<dt lang="en">When<\/dt>/);
    expect(report).toMatch(/<dt lang="en">Meeting point<\/dt>/);
    expect(report).toMatch(/Fixed in time|nothing to judge yet/);
    expect(report).not.toMatch(/Vi samlas|Protokoll: vad vi såg|Öppna data/);
    const said = await (await en.get('/kommuner/2417/ni-sa-vi-gor')).text();
    expect(said).toContain('What you pointed out on safety walks');
    expect(said).toMatch(/<strong>Fixed<\/strong>/);
  });

  it('speaks English on the subscription pages and a survey’s results page when asked', async () => {
    const en = server.client();
    const sub = await (await en.get('/kommuner/2417/prenumerera?lang=en')).text();
    expect(sub).toContain('Get news by e-mail from Norsjö kommun');
    // This server has no SMTP_URL: the page offers the feed and the calendar instead of the form.
    expect(sub).toContain('E-mail subscriptions are not available here. You can still follow');
    expect(sub).toContain('Follow reports and news in a feed');
    const confirm = await (await en.get('/prenumeration/bekrafta?token=x')).text();
    expect(confirm).toContain('The link does not work');
    const unsubscribe = await (await en.get('/prenumeration/avsluta?token=x')).text();
    expect(unsubscribe).toContain('The subscription has already ended');
    const survey = await findDemoSurvey(
      server.ctx.db,
      norsjoIds().municipality,
      demoOpenSurveyTitle(Number(today.slice(0, 4)))
    );
    const results = await (await en.get(`/kommuner/2417/enkater/${survey!.id}/resultat`)).text();
    expect(results).toContain('Results: ');
    expect(results).toContain('The survey is taking answers until');
    const sv = await (await server.client().get('/kommuner/2417/prenumerera')).text();
    expect(sv).toContain('Få nyheter via e-post från Norsjö kommun');
  });
});
