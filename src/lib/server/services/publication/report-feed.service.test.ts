import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import {
  municipalityFeedDocument,
  municipalityFeedEntries,
  notModified,
  wantsFeedPage
} from './report-feed.service';
import { correctReport, createReport, publishReport } from './report.service';

const ORIGIN = 'https://loften.example.se';
const headers = (h: Record<string, string>) => new Headers(h);

describe.each(DATABASES)('the Atom feed of reports on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let agreementId: string;
  let editor: Actor;
  let reportId: string;
  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    agreementId = (await findNorsjoAgreementId(ctx))!;
    editor = (await makeUser(ctx, 'editor', 'lpo-skelleftea')).actor;
    clock.set('2026-11-02T08:00:00Z');
    reportId = (await createReport(ctx, editor, agreementId, { kind: 'year', year: 2022 })).id;
    await publishReport(ctx, editor, agreementId, reportId);
  });
  afterAll(() => close());

  it('keeps the first version’s published on a corrected report, and updated of the correction', async () => {
    clock.set('2026-11-20T13:30:00Z');
    await correctReport(ctx, editor, agreementId, reportId, {
      note: 'Antalet trafikkontroller i mars var fel'
    });
    const { body, lastModified } = await municipalityFeedDocument(ctx, '2417', ORIGIN);
    // A real feed parser, as a reader would read it.
    const feed = parseFeed(body);
    const entry = feed.items.find((i) => i.id === `urn:uuid:${reportId}`)!;
    expect(entry.published?.toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(entry.updated?.toISOString()).toBe('2026-11-20T13:30:00.000Z');
    expect(entry.title).toMatch(/\(version 2\)$/);
    expect(entry.url).toBe(`${ORIGIN}/kommuner/2417/rapporter/${reportId}/v/2`);
    expect(feed.updated?.toISOString()).toBe('2026-11-20T13:30:00.000Z');
    expect(lastModified.toISOString()).toBe('2026-11-20T13:30:00.000Z');
    expect(feed.items.filter((i) => i.id === entry.id)).toHaveLength(1);
  });

  it('gives the same ETag for the same feed and another after a change', async () => {
    const a = await municipalityFeedDocument(ctx, '2417', ORIGIN);
    const b = await municipalityFeedDocument(ctx, '2417', ORIGIN);
    expect(a.etag).toMatch(/^"[\w-]{32}"$/);
    expect(b.etag).toBe(a.etag);
    clock.set('2026-11-25T09:00:00Z');
    await correctReport(ctx, editor, agreementId, reportId, { note: 'Stavfel i sammanfattningen' });
    const c = await municipalityFeedDocument(ctx, '2417', ORIGIN);
    expect(c.etag).not.toBe(a.etag);
    expect(c.lastModified.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('the readable page shows the same entries as the feed', async () => {
    const feed = await municipalityFeedEntries(ctx, '2417', ORIGIN);
    expect(feed.self).toBe(`${ORIGIN}/kommuner/2417/flode.atom`);
    expect(feed.entries[0]).toMatchObject({
      id: `urn:uuid:${reportId}`,
      published: '2026-11-02T08:00:00.000Z',
      updated: '2026-11-25T09:00:00.000Z'
    });
  });
});

describe('conditional GET of the feed', () => {
  const v = { etag: '"abc"', lastModified: new Date('2026-11-20T13:30:00Z') };
  it('answers 304 to a matching If-None-Match, weak or in a list, or *', () => {
    expect(notModified(headers({ 'if-none-match': '"abc"' }), v)).toBe(true);
    expect(notModified(headers({ 'if-none-match': 'W/"abc"' }), v)).toBe(true);
    expect(notModified(headers({ 'if-none-match': '"x", "abc"' }), v)).toBe(true);
    expect(notModified(headers({ 'if-none-match': '*' }), v)).toBe(true);
    expect(notModified(headers({ 'if-none-match': '"old"' }), v)).toBe(false);
  });
  it('lets If-None-Match decide over If-Modified-Since', () => {
    const later = 'Sat, 21 Nov 2026 00:00:00 GMT';
    expect(notModified(headers({ 'if-none-match': '"old"', 'if-modified-since': later }), v)).toBe(
      false
    );
  });
  it('compares If-Modified-Since in whole seconds and ignores a bad date', () => {
    expect(notModified(headers({ 'if-modified-since': v.lastModified.toUTCString() }), v)).toBe(
      true
    );
    expect(notModified(headers({ 'if-modified-since': 'Fri, 20 Nov 2026 13:29:59 GMT' }), v)).toBe(
      false
    );
    expect(notModified(headers({ 'if-modified-since': 'igår' }), v)).toBe(false);
    expect(notModified(headers({}), v)).toBe(false);
  });
});

describe('who gets the readable page instead of the XML', () => {
  it('sends browsers to the page and feed readers to the feed', () => {
    const chromium =
      'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
    expect(wantsFeedPage(chromium)).toBe(true);
    expect(wantsFeedPage('application/atom+xml, application/rss+xml;q=0.9, */*;q=0.1')).toBe(false);
    expect(wantsFeedPage('application/atom+xml,text/html;q=0.5')).toBe(false);
    expect(wantsFeedPage('*/*')).toBe(false);
    expect(wantsFeedPage(null)).toBe(false);
  });
});
