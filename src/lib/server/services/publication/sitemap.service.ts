import type { Ctx } from '../../context';
import { publishedMunicipalities } from './public-site.service';
import { listPublishedReports } from './report-public.service';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Site-wide public pages, listed in the sitemap. */
const SITE_PAGES = ['/', '/sverige', '/data', '/om/uppfoljning', '/tillganglighet'];
/** Public pages of each municipality with a signed agreement. */
const MUNICIPALITY_PAGES = [
  '',
  '/nyheter',
  '/rapporter',
  '/ni-sa-vi-gor',
  '/riskhelger',
  '/vandringar',
  '/enkater',
  '/prenumerera'
];
/** At most this many reports per municipality (a sitemap holds 50,000 addresses). */
const MAX_REPORTS = 500;

/**
 * The public addresses for search engines: the site's pages, every municipality with a signed
 * agreement and its public pages, and each published report at its newest version. Only what an
 * anonymous visitor may open; nothing behind sign-in.
 */
export async function sitemapPaths(ctx: Ctx): Promise<string[]> {
  const paths = [...SITE_PAGES];
  for (const m of await publishedMunicipalities(ctx)) {
    for (const p of MUNICIPALITY_PAGES) paths.push(`/kommuner/${m.code}${p}`);
    const { reports } = await listPublishedReports(ctx, m.code, MAX_REPORTS);
    for (const r of reports) paths.push(r.path);
  }
  return paths;
}

/** The sitemap protocol's XML (sitemaps.org 0.9) for absolute addresses under `origin`. */
export function sitemapXml(origin: string, paths: readonly string[]): string {
  const base = origin.replace(/\/$/, '');
  const urls = paths.map((p) => `  <url><loc>${escapeXml(base + p)}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/**
 * robots.txt: staff pages and the API are not for crawling; the sitemap is named. A demo instance
 * asks not to be indexed at all, so its made-up data never shows up in search results as real.
 */
export function robotsTxt(origin: string, demo: boolean): string {
  const base = origin.replace(/\/$/, '');
  const rules = demo
    ? ['# Demoinstans: påhittade uppgifter, ska inte indexeras.', 'User-agent: *', 'Disallow: /']
    : [
        'User-agent: *',
        'Disallow: /avtal/',
        'Disallow: /att-gora',
        'Disallow: /konto',
        'Disallow: /logga-in',
        'Disallow: /logga-ut',
        'Disallow: /polis',
        'Disallow: /api/',
        'Disallow: /*/__data.json'
      ];
  return `${rules.join('\n')}\n\nSitemap: ${base}/sitemap.xml\n`;
}
