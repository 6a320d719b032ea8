import { z } from 'zod';
import type { Ctx } from '../../context';
import {
  findMapTiles,
  tileUrlsOfAgreement
} from '../../db/repositories/publication/municipality-profile.repository';

/**
 * Walk maps (issue 18, item 7): each municipality sets the address its map tiles come from, an
 * https URL template with {z}, {x} and {y} (and optionally {r} for sharper tiles on dense screens),
 * and the attribution the tiles' licence asks for. Without one, walk pages show lists only.
 *
 * The app's Content-Security-Policy allows images from our own origin alone; a page that shows a
 * map gets exactly its municipality's tile origin added to img-src (see `withMapCsp`), nothing else.
 */

export const TILE_EXAMPLE = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const REQUIRED = ['{z}', '{x}', '{y}'] as const;
const ALLOWED = new Set([...REQUIRED, '{r}']);

/** A tile template's origin (`https://host[:port]`), or null when it is not a usable template. */
export function tileOrigin(template: string): string | null {
  try {
    const url = new URL(template.replace(/\{[a-z]\}/g, '0'));
    if (url.protocol !== 'https:' || url.username || url.password) return null;
    // Only a plain host name (IDN as punycode) and port, as a CSP source expression allows.
    if (
      !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/.test(url.hostname)
    )
      return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** What is wrong with a tile template, in Swedish, or null when it is fine. */
export function tileTemplateProblem(v: string): string | null {
  if (v.length > 500) return 'Adressen till kartbilderna får vara högst 500 tecken.';
  if (!/^https:\/\//i.test(v))
    return `Adressen till kartbilderna måste börja med https://, till exempel ${TILE_EXAMPLE}`;
  const unknown = (v.match(/\{[^}]*\}?/g) ?? []).filter((p) => !ALLOWED.has(p));
  if (unknown.length)
    return `Adressen till kartbilderna får bara innehålla {z}, {x}, {y} och {r}; ${unknown[0]} känns inte igen. Till exempel ${TILE_EXAMPLE}`;
  const missing = REQUIRED.filter((p) => !v.includes(p));
  if (missing.length)
    return `Adressen till kartbilderna måste innehålla {z}, {x} och {y}; ${missing.join(' och ')} saknas. Till exempel ${TILE_EXAMPLE}`;
  if (/\s|["'<>\\]/.test(v) || !tileOrigin(v))
    return `Adressen till kartbilderna är ingen giltig webbadress. Till exempel ${TILE_EXAMPLE}`;
  return null;
}

/** The map fields of the municipality settings form: both empty (no map), or both filled in. */
export const mapTilesInput = z
  .object({
    mapTileUrl: z
      .string()
      .trim()
      .default('')
      .superRefine((v, c) => {
        const problem = v ? tileTemplateProblem(v) : null;
        if (problem) c.addIssue({ code: 'custom', message: problem });
      }),
    mapAttribution: z
      .string()
      .trim()
      .max(300, { message: 'Skriv kartans upphovsangivelse med högst 300 tecken.' })
      .default('')
  })
  .superRefine((v, c) => {
    if (v.mapTileUrl && !v.mapAttribution)
      c.addIssue({
        code: 'custom',
        path: ['mapAttribution'],
        message:
          'Skriv kartans upphovsangivelse, till exempel ”© OpenStreetMap-bidragsgivare”: kartbildernas licens kräver att den visas med kartan.'
      });
  });

/** A municipality's map tiles as walk pages use them, or null when it has none. */
export type MapTiles = { url: string; attribution: string };

/** The tiles set by the municipality with this code, or null (no map: lists only). */
export async function mapTiles(ctx: Ctx, code: string): Promise<MapTiles | null> {
  const row = await findMapTiles(ctx.db, code);
  return row?.map_tile_url ? { url: row.map_tile_url, attribution: row.map_attribution } : null;
}

const PUBLIC_WALK = /^\/kommuner\/([^/]+)\/vandringar\/[^/]+\/?$/;
const STAFF_WALK = /^\/avtal\/([^/]+)\/vandringar\/[^/]+\/?$/;

/** The tile origins a page may load images from: those of its municipality on walk pages, else none. */
export async function mapOriginsFor(ctx: Ctx, pathname: string): Promise<string[]> {
  const pub = PUBLIC_WALK.exec(pathname);
  const staff = pub ? null : STAFF_WALK.exec(pathname);
  if (!pub && !staff) return [];
  const key = decodeURIComponent((pub ?? staff)![1]!);
  const urls = pub ? [(await mapTiles(ctx, key))?.url] : await tileUrlsOfAgreement(ctx.db, key);
  return [...new Set(urls.map((u) => (u ? tileOrigin(u) : null)).filter((o) => o !== null))];
}

/** A CSP with these origins added to img-src (and nothing else changed). */
export function cspWithImages(csp: string, origins: string[]): string {
  if (!origins.length) return csp;
  return csp.replace(/(^|;\s*)img-src([^;]*)/, (_, start: string, list: string) => {
    return `${start}img-src${list.trimEnd()} ${origins.join(' ')}`;
  });
}

/**
 * Called by hooks.server.ts for every answer: an HTML walk page of a municipality with map tiles
 * gets the tiles' origin in its CSP img-src; every other answer is returned as it was.
 */
export async function withMapCsp(ctx: Ctx, url: URL, response: Response): Promise<Response> {
  const csp = response.headers.get('content-security-policy');
  if (!csp || !/^text\/html/i.test(response.headers.get('content-type') ?? '')) return response;
  const origins = await mapOriginsFor(ctx, url.pathname);
  if (origins.length) response.headers.set('content-security-policy', cspWithImages(csp, origins));
  return response;
}
