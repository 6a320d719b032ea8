/**
 * Safety walks, door-knocking and night-walking (issue 18): the standard lists and the pure rules
 * (what counts as fixed in time, the GeoJSON of observations). No I/O, no clock.
 */

export const WALK_KINDS = ['trygghetsvandring', 'dorrknackning', 'nattvandring'] as const;
export type WalkKindCode = (typeof WALK_KINDS)[number];
export const WALK_KIND_SV: Record<WalkKindCode, string> = {
  trygghetsvandring: 'Trygghetsvandring',
  dorrknackning: 'Dörrknackning',
  nattvandring: 'Nattvandring'
};

/** The standard categories of an observation, in the order the form shows them. */
export const OBSERVATION_CATEGORIES = [
  'belysning',
  'sikt-vegetation',
  'skrap-klotter',
  'skadegorelse',
  'trafik',
  'manniskor-beteende',
  'gangvagar',
  'ovrigt'
] as const;
export type ObservationCategory = (typeof OBSERVATION_CATEGORIES)[number];
export const OBSERVATION_CATEGORY_SV: Record<ObservationCategory, string> = {
  belysning: 'Belysning',
  'sikt-vegetation': 'Sikt och växtlighet',
  'skrap-klotter': 'Skräp och klotter',
  skadegorelse: 'Skador',
  trafik: 'Trafik',
  'manniskor-beteende': 'Människor och beteende',
  gangvagar: 'Gångvägar',
  ovrigt: 'Övrigt'
};

export const OBSERVATION_STATUSES = [
  'rapporterad',
  'accepterad',
  'pågår',
  'åtgärdad',
  'åtgärdas inte'
] as const;
export type ObservationStatusCode = (typeof OBSERVATION_STATUSES)[number];
export const OBSERVATION_STATUS_SV: Record<ObservationStatusCode, string> = {
  rapporterad: 'Rapporterad',
  accepterad: 'Accepterad',
  pågår: 'Pågår',
  åtgärdad: 'Åtgärdad',
  'åtgärdas inte': 'Åtgärdas inte'
};

/** A finished status: nothing more is expected of the owner. */
export const isClosed = (s: ObservationStatusCode): boolean =>
  s === 'åtgärdad' || s === 'åtgärdas inte';

/** True when an open observation's due date has passed (dates are 'YYYY-MM-DD'). */
export const isOverdue = (
  o: { status: ObservationStatusCode; dueOn: string | null },
  today: string
): boolean => !isClosed(o.status) && o.dueOn !== null && o.dueOn < today;

export type FixedInTime = { fixedInTime: number; judged: number; share: number | null };

/**
 * The share of observations fixed within their due date. Judged are those with a due date that
 * are fixed, or whose due date has passed; 'won't fix' and not yet due ones are left out.
 */
export function fixedWithinDue(
  observations: { status: ObservationStatusCode; dueOn: string | null; fixedOn: string | null }[],
  today: string
): FixedInTime {
  let judged = 0;
  let fixedInTime = 0;
  for (const o of observations) {
    if (!o.dueOn || o.status === 'åtgärdas inte') continue;
    if (o.status === 'åtgärdad' && o.fixedOn) {
      judged++;
      if (o.fixedOn <= o.dueOn) fixedInTime++;
    } else if (o.dueOn < today) judged++;
  }
  return { fixedInTime, judged, share: judged ? fixedInTime / judged : null };
}

/** A position is either both numbers in range, or none. */
export const validPosition = (lat: number, lng: number): boolean =>
  Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

export type GeoFeature = {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | number | boolean | null>;
};
export type GeoFeatureCollection = { type: 'FeatureCollection'; features: GeoFeature[] };

/**
 * Observations with a position as an RFC 7946 FeatureCollection: coordinates are [longitude,
 * latitude] in WGS 84; those without a position are left out (they are in the JSON and CSV).
 */
export function observationsGeoJson(
  rows: {
    id: string;
    lat: number | null;
    lng: number | null;
    properties: Record<string, string | number | boolean | null>;
  }[]
): GeoFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows
      .filter((r) => r.lat !== null && r.lng !== null)
      .map((r) => ({
        type: 'Feature',
        id: r.id,
        geometry: { type: 'Point', coordinates: [r.lng!, r.lat!] },
        properties: r.properties
      }))
  };
}

/**
 * The part of JSON Schema the GeoJSON schema below is written in (OpenAPI 3.1's schemas accept it
 * as it is); `P` is the type of the features' properties schema the caller passes in.
 */
export type GeoJsonSchemaNode<P> = {
  type: 'object' | 'array' | 'string' | 'number';
  const?: string;
  description?: string;
  properties?: Record<string, GeoJsonSchemaNode<P> | P>;
  required?: string[];
  additionalProperties?: boolean;
  items?: GeoJsonSchemaNode<P>;
  minItems?: number;
  maxItems?: number;
};

/**
 * The JSON Schema of what `observationsGeoJson` makes, for the OpenAPI document: the one
 * description of the FeatureCollection's shape, next to the code that makes it. `properties` is
 * the schema of each feature's properties (the observation's fields but id and position).
 */
export function observationsGeoJsonSchema<P>(properties: P): GeoJsonSchemaNode<P> {
  const closed = (
    props: Record<string, GeoJsonSchemaNode<P> | P>,
    description: string
  ): GeoJsonSchemaNode<P> => ({
    type: 'object',
    description,
    properties: props,
    required: Object.keys(props),
    additionalProperties: false
  });
  return closed(
    {
      type: { type: 'string', const: 'FeatureCollection' },
      features: {
        type: 'array',
        items: closed(
          {
            type: { type: 'string', const: 'Feature' },
            id: { type: 'string' },
            geometry: closed(
              {
                type: { type: 'string', const: 'Point' },
                coordinates: {
                  type: 'array',
                  items: { type: 'number' },
                  minItems: 2,
                  maxItems: 2,
                  description: '[longitude, latitude] in WGS 84'
                }
              },
              'A point (RFC 7946).'
            ),
            properties
          },
          'One observation with a position.'
        )
      }
    },
    'RFC 7946 GeoJSON: observations with a position.'
  );
}
