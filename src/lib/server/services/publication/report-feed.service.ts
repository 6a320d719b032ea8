import { shortText } from '../../../core/report';
import type { Ctx } from '../../context';
import { atomFeed, type AtomEntry } from '../../render/publication/report-atom';
import { listNews } from './news.service';
import { listPublishedReports, publicMunicipality } from './report-public.service';

const FEED_SIZE = 30;

/**
 * A municipality's Atom feed of published reports (each at its newest version: a correction
 * updates the entry) and news, newest first. Ids are urn:uuid: of the report or news item, so they
 * never change with the address the site is reached at.
 */
export async function municipalityFeed(ctx: Ctx, code: string, origin: string): Promise<string> {
  const m = await publicMunicipality(ctx, code);
  const [{ reports }, { news }] = await Promise.all([
    listPublishedReports(ctx, code, FEED_SIZE, 0),
    listNews(ctx, code, FEED_SIZE, 0)
  ]);
  const reportEntries: AtomEntry[] = reports.map((r) => ({
    id: `urn:uuid:${r.id}`,
    title: r.version > 1 ? `${r.title} (version ${r.version})` : r.title,
    updated: r.publishedAt,
    published: r.publishedAt,
    link: `${origin}${r.path}`,
    category: 'rapport',
    summary: r.note ? `${r.note} – ${r.summary}` : r.summary
  }));
  const newsEntries: AtomEntry[] = news.map((n) => {
    // A news item counts from its publication day, or from when it was written if that was later.
    const day = `${n.publishedOn}T00:00:00Z`;
    const at = n.createdAt > day ? n.createdAt : day;
    return {
      id: `urn:uuid:${n.id}`,
      title: n.demo ? `${n.title} (demo)` : n.title,
      updated: at,
      published: at,
      link: `${origin}/kommuner/${code}/nyheter#nyhet-${n.id}`,
      category: 'nyhet',
      summary: shortText(n.body, 280),
      content: n.body
    };
  });
  const entries = [...reportEntries, ...newsEntries]
    .sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0))
    .slice(0, FEED_SIZE);
  return atomFeed({
    id: `${origin}/kommuner/${code}/flode.atom`,
    title: `Medborgarlöften i ${m.officialName}: rapporter och nyheter`,
    subtitle: 'Uppföljningsrapporter och nyheter om polisens och kommunens medborgarlöften.',
    self: `${origin}/kommuner/${code}/flode.atom`,
    alternate: `${origin}/kommuner/${code}/rapporter`,
    author: m.officialName,
    fallbackUpdated: '2019-01-01T00:00:00Z',
    entries
  });
}
