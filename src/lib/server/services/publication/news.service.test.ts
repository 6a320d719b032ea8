import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { createNews, deleteNews, listAgreementNews, listNews } from './news.service';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { municipalityFeed } from './report-feed.service';
import { createReport, publishReport } from './report.service';

type Entry = {
  id: string;
  title: { '#text': string };
  updated: string;
  link: { '@_href': string };
  summary: { '#text': string };
};

describe.each(DATABASES)('news and the Atom feed on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let agreementId: string;
  let editor: Actor;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    agreementId = (await findNorsjoAgreementId(ctx))!;
    editor = (await makeUser(ctx, 'editor', 'lpo-skelleftea')).actor;
  });
  afterAll(() => close());

  it('lets the police editor write news, shows the public only what is published by today', async () => {
    const { id } = await createNews(ctx, editor, agreementId, {
      title: 'Nattvandring i helgen',
      body: 'Föräldrar i Norsjö nattvandrar fredag och lördag. Välkommen att gå med!',
      publishedOn: '2026-11-20'
    });
    await createNews(ctx, editor, agreementId, {
      title: 'Kommer i december',
      body: 'Den här nyheten syns först i december.',
      publishedOn: '2026-12-01'
    });
    const publicNews = await listNews(ctx, '2417');
    expect(publicNews.total).toBe(1);
    expect(publicNews.news[0]).toMatchObject({ id, title: 'Nattvandring i helgen' });
    expect((await listAgreementNews(ctx, editor, agreementId)).map((n) => n.title)).toEqual([
      'Kommer i december',
      'Nattvandring i helgen'
    ]);
    const viewer = (await makeUser(ctx, 'viewer', 'kommun-2417')).actor;
    await expect(
      createNews(ctx, viewer, agreementId, { title: 'Nej', body: 'x', publishedOn: '2026-11-27' })
    ).rejects.toThrow(/redaktörer/);
    await expect(
      createNews(ctx, editor, agreementId, {
        title: 'Ok rubrik',
        body: 'kort',
        publishedOn: '2026-02-30'
      })
    ).rejects.toThrow(
      /body: Skriv texten, minst 10 tecken.*publishedOn: 2026-02-30 finns inte i kalendern/
    );
  });

  it('publishes an Atom 1.0 feed of reports and news with stable ids', async () => {
    const { id } = await createReport(ctx, editor, agreementId, { kind: 'year', year: 2022 });
    await publishReport(ctx, editor, agreementId, id);
    const xml = await municipalityFeed(ctx, '2417', 'https://loften.example.se');
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(
      xml
    ) as {
      feed: {
        '@_xmlns': string;
        id: string;
        title: { '#text': string };
        updated: string;
        link: { '@_rel': string; '@_href': string }[];
        entry: Entry[];
      };
    };
    const feed = parsed.feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title['#text']).toBe('Medborgarlöften i Norsjö kommun: rapporter och nyheter');
    expect(feed.link.find((l) => l['@_rel'] === 'self')?.['@_href']).toBe(
      'https://loften.example.se/kommuner/2417/flode.atom'
    );
    expect(feed.entry.map((e) => e.title['#text'])).toEqual([
      'Uppföljning av medborgarlöftena i Norsjö kommun, år 2022',
      'Nattvandring i helgen'
    ]);
    const report = feed.entry[0]!;
    expect(report.id).toBe(`urn:uuid:${id}`);
    expect(report.link['@_href']).toBe(
      `https://loften.example.se/kommuner/2417/rapporter/${id}/v/1`
    );
    expect(report.summary['#text']).toMatch(/bedömda åtgärder höll målet under år 2022/);
    expect(feed.updated).toBe(report.updated);
    expect(report.updated).toBe('2026-11-27T10:00:00.000Z');
    for (const e of feed.entry) expect(e.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });

  it('deletes a news item, with an audit entry', async () => {
    const [item] = (await listNews(ctx, '2417')).news;
    await deleteNews(ctx, editor, agreementId, item!.id);
    expect((await listNews(ctx, '2417')).total).toBe(0);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', item!.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['news.create', 'news.delete']);
  });
});
