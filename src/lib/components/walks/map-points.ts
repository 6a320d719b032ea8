/**
 * What the walk map (WalkMap.svelte) draws, kept apart from Leaflet so it can be tested: a point
 * per observation or place with a position, its colour by status, and the pin read from the typed
 * position fields.
 */

/** A marker: numbered as in the list beside the map, linked to its entry there. */
export type MapPoint = {
  id: string;
  lat: number;
  lng: number;
  /** The number shown on the marker (its place in the list). */
  label: string;
  /** What a screen reader and a tooltip say: "3. Belysning: Mörk gångväg (Rapporterad)". */
  title: string;
  /** An observation's status, or 'tip' for a place residents pointed out. */
  kind: string;
  /** The list entry's id, e.g. `iakttagelse-<id>`. */
  target: string;
};

/**
 * Marker colours by status. White text on each has at least 4.5:1 contrast (WCAG AA); the status
 * is also in the marker's title and in the list, so colour never carries it alone.
 */
export const STATUS_COLOURS: Record<string, string> = {
  rapporterad: '#8b1a1a',
  accepterad: '#1a4d8f',
  pågår: '#8a4b00',
  åtgärdad: '#1e6b34',
  'åtgärdas inte': '#4d4d4d',
  tip: '#5b2c83'
};

export const colourOf = (kind: string) => STATUS_COLOURS[kind] ?? '#4d4d4d';

type Positioned = { id: string; lat: number | null; lng: number | null };

/** Points of the items that have a position, numbered by their place in the whole list. */
export function pointsOf<T extends Positioned>(
  items: T[],
  describe: (item: T) => { title: string; kind: string },
  prefix: string,
  idPrefix: string
): MapPoint[] {
  return items.flatMap((item, i) => {
    if (!validPosition(item.lat, item.lng)) return [];
    const label = `${prefix}${i + 1}`;
    const d = describe(item);
    return [
      {
        id: item.id,
        lat: item.lat!,
        lng: item.lng!,
        label,
        title: `${label}. ${d.title}`,
        kind: d.kind,
        target: `${idPrefix}${item.id}`
      }
    ];
  });
}

/** A WGS 84 position in range. */
export function validPosition(lat: number | null, lng: number | null): boolean {
  return (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180
  );
}

/** The pin from typed fields (decimal point or comma), or null when they do not make a position. */
export function pinFrom(lat: string | undefined, lng: string | undefined) {
  const n = (v: string | undefined) =>
    v && /^\s*-?\d+([.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(',', '.')) : null;
  const p = { lat: n(lat), lng: n(lng) };
  return validPosition(p.lat, p.lng) ? (p as { lat: number; lng: number }) : null;
}

/** A position as the form fields take it: six decimals (about 10 cm), with a point. */
export const fieldValue = (v: number) => v.toFixed(6);

/** Text for Leaflet's attribution, which it inserts as HTML. */
export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  );
