import { escapeXml } from '../shared/chart-svg';

/** One entry of an Atom feed. */
export type AtomEntry = {
  /** A permanent id: urn:uuid:… or a tag: URI. */
  id: string;
  title: string;
  /** ISO instant of the last change. */
  updated: string;
  /** ISO instant of the first publication. */
  published: string;
  /** Absolute address of the entry's page. */
  link: string;
  summary: string;
  /** Plain text content (Atom type="text"). */
  content?: string;
  category?: string;
};

/** A whole Atom feed. */
export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own absolute address (rel="self"). */
  self: string;
  /** The page it belongs to (rel="alternate"). */
  alternate: string;
  author: string;
  /** Used as <updated> when there are no entries. */
  fallbackUpdated: string;
  entries: AtomEntry[];
};

// Control characters are not allowed in XML 1.0 at all, escaped or not.
const xmlText = (text: string) =>
  // eslint-disable-next-line no-control-regex
  escapeXml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
const el = (name: string, text: string, attrs = '') =>
  `<${name}${attrs}>${xmlText(text)}</${name}>`;

/** The feed is as new as its newest entry (`fallback` when it has none). */
export const feedUpdated = (entries: AtomEntry[], fallback: string): string =>
  entries.reduce((max, e) => (e.updated > max ? e.updated : max), entries.length ? '' : fallback);

/** An Atom 1.0 document (RFC 4287): the feed is as new as its newest entry. */
export function atomFeed(feed: AtomFeed): string {
  const updated = feedUpdated(feed.entries, feed.fallbackUpdated);
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    ${el('id', e.id)}`,
      `    ${el('title', e.title, ' type="text"')}`,
      `    ${el('updated', e.updated)}`,
      `    ${el('published', e.published)}`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>`,
      ...(e.category ? [`    <category term="${escapeXml(e.category)}"/>`] : []),
      `    ${el('summary', e.summary, ' type="text"')}`,
      ...(e.content ? [`    ${el('content', e.content, ' type="text"')}`] : []),
      '  </entry>'
    ].join('\n')
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  ${el('id', feed.id)}`,
    `  ${el('title', feed.title, ' type="text"')}`,
    ...(feed.subtitle ? [`  ${el('subtitle', feed.subtitle, ' type="text"')}`] : []),
    `  ${el('updated', updated)}`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    `  <author>${el('name', feed.author)}</author>`,
    `  ${el('generator', 'Löften')}`,
    ...entries,
    '</feed>',
    ''
  ].join('\n');
}
