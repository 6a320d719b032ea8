import ICAL from 'ical.js';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../../../../../test/support/databases';
import { makeUser, openNorsjoDemo } from '../../../../../test/support/factories';
import type { Ctx } from '../../context';
import { catalogueRdf } from '../../render/publication/dcat-rdf';
import { eventCalendar } from '../../render/publication/event-calendar';
import { WIDGET_JS } from '../../render/publication/widget-script';
import { openDataCatalogue } from './catalogue.service';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { createEvent, listEvents, setEventCancelled, updateEvent } from './event.service';
import { cachedResponse, RenderCache } from './public-cache.service';
import { addContact } from './public-contact.service';
import { detectDelimiter, parseCsv } from '../../spreadsheet/csv';
import { openFollowUpCsv, openPlanCsv, PLAN_COLUMNS } from './public-data.service';
import {
  municipalityEvents,
  municipalityPage,
  publishedMunicipalities
} from './public-site.service';
import { widgetSummary } from './widget.service';

const walk = {
  title: 'Trygghetsvandring i centrum',
  kind: 'safety-walk',
  date: '2026-12-03',
  startTime: '18:00',
  endTime: '19:30',
  place: 'Samling vid Folkets hus',
  description: 'Vi går tillsammans och noterar otrygga platser.'
};

/** The file's text with its byte-order mark kept (Response.text() would drop it). */
/** Parsed RDF/XML: nested elements and attributes, shaped only at run time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parser output has no static shape
type Node = any;

const text = async (body: ReadableStream<Uint8Array>) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(body).arrayBuffer());

describe.each(DATABASES)('the public site on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let id: string;
  beforeAll(async () => {
    ({ ctx, close, id } = await openNorsjoDemo(kind));
  });
  afterAll(() => close());

  it('shows every one of Norsjö’s fourteen measures with a status this tertial and this year', async () => {
    const page = await municipalityPage(ctx, '2417');
    const a = page.agreement!;
    expect(a.standing.measures).toHaveLength(14);
    expect(a.standing.measures.every((m) => m.tertial && m.year)).toBe(true);
    expect(a.standing.tertialLabel).toBe('sep–dec 2026');
    expect(Object.values(a.standing.counts).reduce((s, n) => s + n, 0)).toBe(14);
    expect(a.standing.demo).toBe(true);
    expect(a.revisionHistory.length).toBeGreaterThan(0);
    expect(a.revisionHistory[0]!.changes.some((c) => c.reason)).toBe(true);
    expect(await publishedMunicipalities(ctx, 'norsjo')).toMatchObject([{ code: '2417' }]);
    expect(await publishedMunicipalities(ctx, 'Umeå')).toEqual([]);
  });

  it('lets editors create, change and cancel events, and refuses others and bad input', async () => {
    const editor = await makeUser(ctx, 'editor', 'kommun-2417');
    const reader = await makeUser(ctx, 'viewer', 'kommun-2417');
    await expect(createEvent(ctx, reader.actor, id, walk)).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await createEvent(ctx, editor.actor, id, {
      ...walk,
      endTime: '17:00',
      place: ''
    }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fields.map((f) => f.field).sort()).toEqual([
      'endTime',
      'place'
    ]);
    const { id: eventId } = await createEvent(ctx, editor.actor, id, walk);
    await updateEvent(ctx, editor.actor, id, eventId, { ...walk, startTime: '18:15' });
    const [e] = await listEvents(ctx, [id], { upcoming: true });
    // 18:15 in Stockholm in December is 17:15 UTC.
    expect(e).toMatchObject({ startsAt: '2026-12-03T17:15:00.000Z', startTime: '18:15' });
    await setEventCancelled(ctx, editor.actor, id, eventId, true);
    expect((await listEvents(ctx, [id]))[0]!.cancelled).toBe(true);
    await expect(setEventCancelled(ctx, editor.actor, id, eventId, true)).rejects.toThrow(
      /redan inställt/
    );
  });

  it('writes an iCalendar feed in Swedish time with stable ids and cancelled events marked', async () => {
    const editor = await makeUser(ctx, 'editor', 'kommun-2417');
    const { id: meeting } = await createEvent(ctx, editor.actor, id, {
      ...walk,
      title: 'Öppet möte om trygghet',
      kind: 'open-meeting',
      date: '2027-06-10'
    });
    const { events } = await municipalityEvents(ctx, '2417');
    const options = { name: 'Norsjö', pageUrl: 'https://x.se/k' };
    const ics = eventCalendar(events, options);
    const comp = new ICAL.Component(ICAL.parse(ics));
    const vevents = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const summer = vevents.find((v) => v.uid === `evenemang-${meeting}@loften`)!;
    // Summer time: 18:00 in Stockholm is 16:00 UTC.
    expect(summer.startDate.toJSDate().toISOString()).toBe('2027-06-10T16:00:00.000Z');
    expect(summer.summary).toBe('Öppet möte om trygghet');
    const cancelled = vevents.filter(
      (v) => v.component.getFirstPropertyValue('status') === 'CANCELLED'
    );
    expect(cancelled).toHaveLength(1);
    expect(eventCalendar(events, options)).toBe(ics);
    // RFC 5545: DTSTAMP and LAST-MODIFIED in UTC; parsers read them as such, not as floating time.
    const stamp = summer.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid).toBe('UTC');
    const modified = summer.component.getFirstPropertyValue('last-modified') as ICAL.Time;
    expect(modified.toJSDate().toISOString()).toBe(ctx.now().toISOString().slice(0, 19) + '.000Z');
    expect(summer.sequence).toBe(0);

    // A change and a cancellation each raise SEQUENCE, so calendar apps take them.
    await updateEvent(ctx, editor.actor, id, meeting, {
      ...walk,
      title: 'Öppet möte om trygghet',
      kind: 'open-meeting',
      date: '2027-06-10',
      startTime: '19:00',
      endTime: '20:30'
    });
    await setEventCancelled(ctx, editor.actor, id, meeting, true);
    const again = new ICAL.Component(
      ICAL.parse(eventCalendar((await municipalityEvents(ctx, '2417')).events, options))
    )
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((v) => v.uid === `evenemang-${meeting}@loften`)!;
    expect(again.sequence).toBe(2);
    expect(again.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('refuses a time that does not exist when summer time starts, naming the field', async () => {
    const editor = await makeUser(ctx, 'editor', 'kommun-2417');
    // 29 March 2026: clocks go from 02:00 to 03:00 in Sweden.
    const attempt = createEvent(ctx, editor.actor, id, {
      ...walk,
      date: '2026-03-29',
      startTime: '02:30',
      endTime: '03:30'
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      fields: [{ field: 'startTime', message: expect.stringMatching(/02:30 finns inte/) }]
    });
    const ok = await createEvent(ctx, editor.actor, id, {
      ...walk,
      date: '2026-03-29',
      startTime: '03:30',
      endTime: '04:30'
    });
    const [made] = (await listEvents(ctx, [id])).filter((e) => e.id === ok.id);
    expect(made).toMatchObject({ startTime: '03:30', endTime: '04:30' });
  });

  it('publishes the plan and follow-up as CSV with a byte-order mark and documented columns', async () => {
    const plan = await text((await openPlanCsv(ctx, id)).body);
    expect(plan.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = plan.slice(1).trim().split('\r\n');
    expect(header).toBe(PLAN_COLUMNS.map((c) => c.name).join(','));
    expect(rows).toHaveLength(14);
    const follow = await text((await openFollowUpCsv(ctx, id, { period: 'year' })).body);
    expect(follow).toContain('agreement_id,measure_key,measure_title,period_kind');
    // Hours targets say how many activities were logged without a time (and so not counted).
    expect(follow.slice(1).split('\r\n')[0]).toMatch(/,published_through,untimed$/);
    expect(follow).toMatch(/,year,2026-01-01,2026-12-31,/);
    await expect(openFollowUpCsv(ctx, id, { period: 'vecka' })).rejects.toThrow(/period/);
  });

  it('offers each CSV for a Swedish Excel too: the same cells, separated by semicolons', async () => {
    for (const [csv, excel] of [
      [await openPlanCsv(ctx, id), await openPlanCsv(ctx, id, 'excel')],
      [
        await openFollowUpCsv(ctx, id, { period: 'year' }),
        await openFollowUpCsv(ctx, id, { period: 'year' }, 'excel')
      ]
    ] as const) {
      const [a, b] = [await text(csv.body), await text(excel.body)];
      expect(b.charCodeAt(0)).toBe(0xfeff);
      expect(detectDelimiter(b.slice(1))).toBe(';');
      expect(parseCsv(b.slice(1), ';')).toEqual(parseCsv(a.slice(1), ','));
      expect(excel.headers['content-disposition']).toMatch(/-excel\.csv"$/);
    }
  });

  it('lists each published agreement in a DCAT-AP-SE catalogue with a CC0 licence', async () => {
    const editor = await makeUser(ctx, 'editor', 'kommun-2417');
    await addContact(ctx, editor.actor, id, {
      name: 'Anna Berg',
      role: 'Samordnare',
      organisation: 'Norsjö kommun',
      email: 'anna.berg@norsjo.se'
    });
    const xml = catalogueRdf(await openDataCatalogue(ctx, 'https://loften.example'));
    const rdf = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => n.startsWith('dcat:') || n.startsWith('dct:')
    }).parse(xml)['rdf:RDF'];
    const catalog = rdf['dcat:Catalog'][0];
    // A property points at a resource either by rdf:resource or by a typed node with rdf:about.
    const uri = (n: Record<string, unknown>): string | undefined =>
      (n['@_rdf:resource'] as string | undefined) ??
      (Object.values(n)
        .map((v) => (Array.isArray(v) ? v[0] : v) as Record<string, unknown> | undefined)
        .find((v) => v && typeof v === 'object' && '@_rdf:about' in v)?.['@_rdf:about'] as
        string | undefined);
    expect(uri(catalog['dct:license'][0])).toBe(
      'http://creativecommons.org/publicdomain/zero/1.0/'
    );
    const datasets = catalog['dcat:dataset'].map(
      (d: Record<string, unknown[]>) => d['dcat:Dataset']![0]
    ) as Node[];
    expect(datasets).toHaveLength(1);
    const d = datasets[0]!;
    expect(d['dct:title'].map((t: Record<string, string>) => t['@_xml:lang'])).toEqual([
      'sv',
      'en'
    ]);
    expect(uri(d['dcat:theme'][0])).toMatch(/data-theme\/JUST$/);
    expect(uri(d['dcat:landingPage'][0])).toBe('https://loften.example/kommuner/2417');
    expect(d['dcat:contactPoint'][0]['vcard:Kind']['vcard:hasEmail']['@_rdf:resource']).toBe(
      'mailto:anna.berg@norsjo.se'
    );
    const distributions = d['dcat:distribution'].map((x: Node) => x['dcat:Distribution'][0]);
    // The JSON API, and the plan and follow-up as CSV and for Excel.
    expect(distributions).toHaveLength(5);
    for (const x of distributions) expect(uri(x['dct:license'][0])).toMatch(/publicdomain\/zero/);
  });

  it('gives the widget its counts and keeps its script under 30 KB', async () => {
    const w = await widgetSummary(ctx, '2417', 'https://x.se');
    expect(w).toMatchObject({ url: 'https://x.se/kommuner/2417', total: 14, demo: true });
    expect(w.counts.reduce((s, c) => s + c.count, 0)).toBe(14);
    expect(w.counts.every((c) => c.label && c.symbol)).toBe(true);
    expect(new TextEncoder().encode(WIDGET_JS).length).toBeLessThan(30 * 1024);
  });

  it('answers 304 while the data is unchanged, and renders anew when anything changes', async () => {
    const cache = new RenderCache();
    const url = new URL('http://x/kommuner/2417');
    let renders = 0;
    const render = async () => new Response(`page ${++renders}`, { status: 200 });
    const first = await cachedResponse(ctx, new Request(url), url, 'sv', render, cache);
    const etag = first.headers.get('etag')!;
    expect(await first.text()).toBe('page 1');
    const again = await cachedResponse(ctx, new Request(url), url, 'sv', render, cache);
    expect(await again.text()).toBe('page 1');
    const revalidated = await cachedResponse(
      ctx,
      new Request(url, { headers: { 'if-none-match': etag } }),
      url,
      'sv',
      render,
      cache
    );
    expect(revalidated.status).toBe(304);
    const editor = await makeUser(ctx, 'editor', 'kommun-2417');
    await createEvent(ctx, editor.actor, id, walk);
    const changed = await cachedResponse(
      ctx,
      new Request(url, { headers: { 'if-none-match': etag } }),
      url,
      'sv',
      render,
      cache
    );
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe('page 2');
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});
