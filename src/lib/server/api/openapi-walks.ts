import {
  OBSERVATION_CATEGORIES,
  OBSERVATION_STATUSES,
  observationsGeoJsonSchema,
  WALK_KINDS
} from '../../core/walks';
import {
  OBSERVATION_FEATURE_PROPERTIES,
  type PublicObservation
} from '../services/walks/walk-public.service';
import {
  observationInput,
  openObservationsQuery,
  openWalksQuery
} from '../services/walks/walk.schema';
import type { JsonSchema, Operation, PathItem, ResponseObject } from './openapi-types';
import { bodySchema, queryParameters } from './openapi-zod';

// The walks part of the OpenAPI document (issue 18): its paths and response schemas, kept in a
// file of their own and spread into openapi.ts.

const s = (type: 'string' | 'number', description?: string): JsonSchema =>
  description ? { type, description } : { type };
const nullable = (type: 'string' | 'number', description?: string): JsonSchema =>
  description ? { type: [type, 'null'], description } : { type: [type, 'null'] };
const object = (properties: Record<string, JsonSchema>, description: string): JsonSchema => ({
  type: 'object',
  description,
  properties,
  required: Object.keys(properties),
  additionalProperties: false
});

/** The public fields of an observation (the JSON protocol; the GeoJSON's properties pick from them). */
const walkObservationFields = {
  id: s('string'),
  walkId: s('string'),
  category: { type: 'string', enum: [...OBSERVATION_CATEGORIES] },
  categoryLabel: s('string', 'The category in Swedish.'),
  description: s('string'),
  lat: nullable('number', 'WGS 84 latitude.'),
  lng: nullable('number', 'WGS 84 longitude.'),
  owner: nullable('string', 'Who fixes it (an organisation, never a person).'),
  dueOn: { type: ['string', 'null'], format: 'date' },
  status: { type: 'string', enum: [...OBSERVATION_STATUSES] },
  statusLabel: s('string'),
  reason: nullable('string', 'What is done, or why it will not be fixed.'),
  fixedOn: { type: ['string', 'null'], format: 'date' },
  hasPhoto: { type: 'boolean', description: 'A photo is at /vandringar/foto/{id}.' },
  updatedAt: { type: 'string', format: 'date-time' }
} satisfies Record<keyof PublicObservation, JsonSchema>;

/** Response schemas of the walk endpoints. */
export const walkSchemas: Record<string, JsonSchema> = {
  Walk: object(
    {
      id: s('string'),
      agreementId: s('string'),
      measureKey: s('string', 'The measure it belongs to (its stable key).'),
      kind: { type: 'string', enum: [...WALK_KINDS] },
      kindLabel: s('string', 'The kind in Swedish.'),
      area: s('string'),
      meetingPoint: s('string'),
      startsAt: { type: 'string', format: 'date-time' },
      endsAt: { type: 'string', format: 'date-time' },
      date: { type: 'string', format: 'date', description: 'The day in Sweden.' },
      startTime: s('string', 'HH:MM, Swedish time.'),
      endTime: s('string', 'HH:MM, Swedish time.'),
      invitedGroups: { type: 'array', items: { type: 'string' } },
      status: { type: 'string', enum: ['planned', 'held', 'cancelled'] }
    },
    'A safety walk, door-knocking or night-walking round.'
  ),
  Walks: { type: 'array', items: { $ref: '#/components/schemas/Walk' } },
  WalkObservation: object(
    walkObservationFields,
    'An observation an editor approved for the public.'
  ),
  WalkObservationInput: bodySchema(observationInput, 'A new observation.', {
    lat: { description: 'WGS 84 latitude, a number or decimal text; with lng or not at all.' },
    lng: { description: 'WGS 84 longitude, a number or decimal text; with lat or not at all.' },
    idempotencyKey: { description: 'Any unique string of yours, to send again safely.' }
  }),
  WalkObservationRecorded: {
    type: 'object',
    description: 'An observation as stored, for its recorder.',
    properties: {
      id: { type: 'string' },
      walkId: { type: 'string' },
      category: { type: 'string', enum: [...OBSERVATION_CATEGORIES] },
      categoryLabel: { type: 'string' },
      description: { type: 'string' },
      lat: { type: ['number', 'null'] },
      lng: { type: ['number', 'null'] },
      owner: { type: ['string', 'null'] },
      dueOn: { type: ['string', 'null'], format: 'date' },
      status: { type: 'string', enum: [...OBSERVATION_STATUSES] },
      statusLabel: { type: 'string' },
      reason: { type: ['string', 'null'] },
      fixedOn: { type: ['string', 'null'], format: 'date' },
      publicApproved: { type: 'boolean' },
      hasPhoto: { type: 'boolean' },
      createdAt: { type: 'string', format: 'date-time' },
      updatedAt: { type: 'string', format: 'date-time' }
    },
    required: [
      'id',
      'walkId',
      'category',
      'categoryLabel',
      'description',
      'lat',
      'lng',
      'owner',
      'dueOn',
      'status',
      'statusLabel',
      'reason',
      'fixedOn',
      'publicApproved',
      'hasPhoto',
      'createdAt',
      'updatedAt'
    ],
    additionalProperties: false
  },
  WalkObservations: { type: 'array', items: { $ref: '#/components/schemas/WalkObservation' } },
  // The one description of the GeoJSON, next to the code that makes it (core); each feature's
  // properties are the observation's fields the feature carries, as the JSON above says them.
  WalkObservationsGeoJson: observationsGeoJsonSchema(
    object(
      Object.fromEntries(OBSERVATION_FEATURE_PROPERTIES.map((k) => [k, walkObservationFields[k]])),
      'The observation’s public fields but its id and position (the feature’s id and geometry).'
    )
  )
};

type Helpers = {
  op: (o: Operation) => Operation;
  ok: (description: string, schema: string) => ResponseObject;
  preflight: (id: string, methods: string, parameters?: Operation['parameters']) => Operation;
  invalid: { $ref: string };
  notFound: { $ref: string };
  notModified: { $ref: string };
  open: Operation['security'];
};

const walkId = {
  name: 'id',
  in: 'path' as const,
  required: true,
  description: 'The walk’s id.',
  schema: { type: 'string' as const }
};

/** An observation as its recorder gets it back (with `publicApproved` and `createdAt`). */
const staffJson = (description: string): ResponseObject => ({
  description,
  content: {
    'application/json': { schema: { $ref: '#/components/schemas/WalkObservationRecorded' } }
  }
});

/** The walk paths, built with the document's own helpers. */
export function walkPaths(h: Helpers): Record<string, PathItem> {
  return {
    '/api/v1/walks': {
      get: h.op({
        operationId: 'listWalks',
        summary: 'Safety walks, door-knocking and night-walking of published agreements',
        tags: ['walks'],
        security: h.open,
        parameters: queryParameters(openWalksQuery, {
          kommun: { description: 'Only walks of this municipality.', example: '2417' }
        }),
        responses: {
          '200': h.ok('Walks, soonest first.', 'Walks'),
          '304': h.notModified,
          '400': h.invalid
        }
      }),
      options: h.preflight('listWalksPreflight', 'GET, HEAD, OPTIONS')
    },
    '/api/v1/walks/{id}/observations': {
      get: h.op({
        operationId: 'listWalkObservations',
        summary: 'The public protocol of a walk: approved observations with their status',
        description:
          'Only observations an editor approved for the public; no authors, no photos. ' +
          '`format=csv` answers `text/csv` (UTF-8, comma-separated, the same fields as columns); ' +
          '`format=geojson` answers `application/geo+json` (RFC 7946, the observations with a ' +
          'position, coordinates as [longitude, latitude]).',
        tags: ['walks'],
        security: h.open,
        parameters: [
          walkId,
          ...queryParameters(openObservationsQuery, {
            format: { description: 'json, csv or geojson.', schema: { default: 'json' } }
          })
        ],
        responses: {
          '200': {
            ...h.ok('The observations.', 'WalkObservations'),
            // JSON, CSV or GeoJSON by `format`.
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/WalkObservations' }
              },
              'text/csv': {
                schema: {
                  type: 'string',
                  description: 'UTF-8, comma-separated, a header row with the JSON field names.'
                }
              },
              'application/geo+json': {
                schema: { $ref: '#/components/schemas/WalkObservationsGeoJson' }
              }
            }
          },
          '304': h.notModified,
          '400': h.invalid,
          '404': h.notFound
        }
      }),
      post: h.op({
        operationId: 'recordWalkObservation',
        summary: 'Record an observation on a walk',
        description:
          'For reporters and editors of the walk’s agreement. Send an `idempotencyKey` to retry ' +
          'safely (a phone’s offline queue does): the same key from the same sender answers 200 ' +
          'with the observation stored the first time. New observations are not public until an ' +
          'editor approves them.',
        tags: ['walks'],
        security: [{ bearerToken: [] }, { sessionCookie: [] }],
        parameters: [walkId],
        requestBody: {
          description: 'The observation.',
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/WalkObservationInput' } }
          }
        },
        responses: {
          '201': staffJson('Stored.'),
          '200': staffJson('Stored before, with this idempotency key.'),
          '400': h.invalid,
          '401': { $ref: '#/components/responses/SignInNeeded' },
          '403': { $ref: '#/components/responses/Forbidden' },
          '404': {
            description: 'No walk with this id that the caller may see.',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/NotFound' } }
            }
          }
        }
      }),
      options: h.preflight('listWalkObservationsPreflight', 'GET, HEAD, OPTIONS', [walkId])
    }
  };
}
