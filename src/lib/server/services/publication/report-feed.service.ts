import { createHash } from 'node:crypto';
import { shortText } from '../../../core/report';
import type { Ctx } from '../../context';
import { findVersion } from '../../db/repositories/publication/report.repository';
import { atomFeed, feedUpdated, type AtomEntry } from '../../render/publication/report-atom';
import { walkFeedEntries } from '../walks/walk-outcomes.service';
import { listNews } from './news.service';
import { etagMatches } from './public-cache.service';
import { listPublishedReports, publicMunicipality } from './report-public.service';

const FEED_SIZE = 30;

/** A municipality's feed: its entries (newest first), title and addresses. */
export type MunicipalityFeed = {
  title: string;
  subtitle: string;
  author: string;
  /** Absolute address of the Atom document. */
  self: string;
  alternate: string;
  updated: string;
  entries: AtomEntry[];
};

/**
 * The entries of a municipality's feed: published reports (each at its newest version: a
 * correction updates the entry but keeps the first version's `published`), news, and walks (held
 * walks and status changes of approved observations, services/walks/walk-outcomes), newest first.
 * Ids are urn:uuid: of the report or news item, so they never change with the site's address.
 */
export async function municipalityFeedEntries(
  ctx: Ctx,
  code: string,
  origin: string
): Promise<MunicipalityFeed> {
  const m = await publicMunicipality(ctx, code);
  const [{ reports }, { news }, walkEntries] = await Promise.all([
    listPublishedReports(ctx, code, FEED_SIZE, 0),
    listNews(ctx, code, FEED_SIZE, 0),
    walkFeedEntries(ctx, code, origin)
  ]);
  const reportEntries: AtomEntry[] = [];
  for (const r of reports) {
    const first = r.version > 1 ? await findVersion(ctx.db, r.id, 1) : null;
    reportEntries.push({
      id: `urn:uuid:${r.id}`,
      title: r.version > 1 ? `${r.title} (version ${r.version})` : r.title,
      updated: r.publishedAt,
      published: first?.published_at ?? r.publishedAt,
      link: `${origin}${r.path}`,
      category: 'rapport',
      summary: r.note ? `${r.note} – ${r.summary}` : r.summary
    });
  }
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
  const entries = [...reportEntries, ...newsEntries, ...walkEntries]
    .sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0))
    .slice(0, FEED_SIZE);
  return {
    title: `Medborgarlöften i ${m.officialName}: rapporter och nyheter`,
    subtitle:
      'Uppföljningsrapporter, nyheter och trygghetsvandringar (vad som upptäcktes och vad som har åtgärdats) i polisens och kommunens medborgarlöften.',
    author: m.officialName,
    self: `${origin}/kommuner/${code}/flode.atom`,
    alternate: `${origin}/kommuner/${code}/rapporter`,
    updated: feedUpdated(entries, FALLBACK_UPDATED),
    entries
  };
}

const FALLBACK_UPDATED = '2019-01-01T00:00:00Z';

/** A municipality's Atom feed of published reports and news (see municipalityFeedEntries). */
export async function municipalityFeed(ctx: Ctx, code: string, origin: string): Promise<string> {
  return (await municipalityFeedDocument(ctx, code, origin)).body;
}

/** The Atom document with its validators: an ETag (hash of the body) and the newest entry's time. */
export async function municipalityFeedDocument(
  ctx: Ctx,
  code: string,
  origin: string
): Promise<{ body: string; etag: string; lastModified: Date }> {
  const feed = await municipalityFeedEntries(ctx, code, origin);
  const body = atomFeed({
    id: feed.self,
    title: feed.title,
    subtitle: feed.subtitle,
    self: feed.self,
    alternate: feed.alternate,
    author: feed.author,
    fallbackUpdated: FALLBACK_UPDATED,
    entries: feed.entries
  });
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 32);
  return { body, etag: `"${hash}"`, lastModified: new Date(feed.updated) };
}

/**
 * Whether a conditional GET may be answered 304 (RFC 9110 §13.2.2): If-None-Match decides when
 * present (weak comparison, `*` matches); else If-Modified-Since, in whole seconds.
 */
export function notModified(
  headers: { get(name: string): string | null },
  validators: { etag: string; lastModified: Date }
): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) return etagMatches(ifNoneMatch, validators.etag);
  const since = Date.parse(headers.get('if-modified-since') ?? '');
  if (Number.isNaN(since)) return false;
  return Math.floor(validators.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

/**
 * Whether an Accept header is a browser navigating (it names text/html) rather than a feed reader
 * (which names Atom, RSS or XML feeds, or sends nothing or *\/*).
 */
export function wantsFeedPage(accept: string | null): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  if (types.some((t) => /^application\/(atom|rss)\+xml$/.test(t))) return false;
  return types.includes('text/html');
}
