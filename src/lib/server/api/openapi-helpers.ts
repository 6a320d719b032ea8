import type { Header, Operation, ResponseObject, SecurityRequirement } from './openapi-types';

// The building blocks of the OpenAPI document, shared by its parts per capability.

export const json = (description: string, schema: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } }
});

export const text = (description: string): Header => ({ description, schema: { type: 'string' } });

/** A 200 of the open-data endpoints: cacheable for a minute, with an ETag for If-None-Match. */
export const ok = (description: string, schema: string): ResponseObject => ({
  ...json(description, schema),
  headers: {
    ETag: text('Send it back in If-None-Match to get 304.'),
    'Cache-Control': text('`public, max-age=60`.'),
    'Access-Control-Allow-Origin': text('`*`: open data.')
  }
});

export const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
export const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
export const notModified = response('NotModified');
export const invalid = response('Invalid');
export const notFound = response('NotFound');
export const unauthenticated = response('Unauthenticated');
export const forbidden = response('Forbidden');
export const noContent = (description: string): ResponseObject => ({ description });

/** Open to anyone; a Bearer token that is sent must still be valid. */
export const open: SecurityRequirement[] = [];
/** A token (scripts, systems) or a signed-in session (the app's own pages). */
export const signedIn: SecurityRequirement[] = [{ bearerToken: [] }, { sessionCookie: [] }];
/** Anyone, but a token or session shows more (the parties see all their activities). */
export const openOrSignedIn: SecurityRequirement[] = [{}, ...signedIn];

/**
 * Every /api/v1 answer may be one of these, whatever the route: a Bearer token that is unknown or
 * revoked is refused before any route runs (hooks.server.ts), and so is a declared body over
 * the size limit.
 */
export const everywhere = {
  '401': unauthenticated,
  '413': response('TooLarge')
};
export const op = (o: Operation): Operation => ({
  ...o,
  responses: { ...everywhere, ...o.responses }
});

/** The CORS preflight of an endpoint that any origin may read. */
export const preflight = (
  operationId: string,
  methods: string,
  parameters: Operation['parameters'] = []
): Operation =>
  op({
    operationId,
    summary: 'CORS preflight',
    tags: ['service'],
    security: open,
    ...(parameters.length ? { parameters } : {}),
    responses: {
      '204': {
        description: 'Any origin may call it.',
        headers: {
          'Access-Control-Allow-Origin': text('`*`.'),
          'Access-Control-Allow-Methods': text(`\`${methods}\`.`)
        }
      }
    }
  });

export const idParam = (description: string) => ({
  name: 'id',
  in: 'path' as const,
  required: true,
  description,
  schema: { type: 'string' as const }
});

export const DATE = { format: 'date' } as const;
