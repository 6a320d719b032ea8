import { activityPaths, activitySchemas } from './openapi-activities';
import {
  invalid,
  json,
  notFound,
  notModified,
  ok,
  op,
  open,
  preflight,
  text
} from './openapi-helpers';
import { agreementPaths, widgetPaths } from './openapi-open-data';
import { schemas } from './openapi-schemas';
import type { OpenApiDocument } from './openapi-types';
import { walkPaths, walkSchemas } from './openapi-walks';

// The document is put together here from its parts per capability: open data
// (openapi-open-data.ts), activities (openapi-activities.ts) and walks (openapi-walks.ts);
// shared building blocks are in openapi-helpers.ts, response schemas in openapi-schemas.ts.

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and readable at /api. */
export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Löften API',
    version: '1.0.0',
    description:
      'Medborgarlöften (citizen promises) between the Swedish Police and municipalities, their ' +
      'measures and how they are followed up. The open data (agreements, follow-up, widget) is ' +
      'public, no sign-in; only published agreements and public measures. Logging activities ' +
      'needs an API token (`Authorization: Bearer …`) or a signed-in session. Error messages are ' +
      'in Swedish. Dates are `YYYY-MM-DD` (Europe/Stockholm).\n\n' +
      'Any other path under `/api/v1` answers 404 with `{"error": "not-found", "message": …}`, ' +
      'and a method a path does not take answers 405 with `{"error": "method-not-allowed", ' +
      '"message": …}` and an `Allow` header. Every answer carries ' +
      '`Access-Control-Allow-Origin: *`.\n\n' +
      'Request parameters and bodies in this document are generated from the schemas the ' +
      'server validates with.',
    license: { name: 'CC0 1.0 Universal', identifier: 'CC0-1.0' }
  },
  servers: [{ url: '/', description: 'This instance of Löften.' }],
  tags: [
    { name: 'agreements', description: 'Medborgarlöften and their plans.' },
    { name: 'follow-up', description: 'Uppföljning: expected and done per period.' },
    { name: 'activities', description: 'Aktiviteter: what the parties did, logged as it happens.' },
    { name: 'widget', description: 'The embeddable status widget.' },
    {
      name: 'walks',
      description: 'Trygghetsvandringar, dörrknackning, nattvandring and their observations.'
    },
    { name: 'service', description: 'Operational endpoints.' }
  ],
  paths: {
    '/api/v1/health': {
      get: op({
        operationId: 'health',
        summary: 'Whether the service and its database answer',
        tags: ['service'],
        security: open,
        responses: {
          '200': json('The database answers.', 'Health'),
          '503': json('The database does not answer.', 'Health')
        }
      })
    },
    ...agreementPaths,
    ...activityPaths,
    ...widgetPaths,
    '/api/v1/openapi.json': {
      get: op({
        operationId: 'openApi',
        summary: 'This document',
        tags: ['service'],
        security: open,
        responses: {
          '200': {
            description: 'OpenAPI 3.1.',
            content: { 'application/json': { schema: { type: 'object' } } }
          },
          '304': notModified
        }
      }),
      options: preflight('openApiPreflight', 'GET, HEAD, OPTIONS')
    },
    ...walkPaths({ op, ok, preflight, invalid, notFound, notModified, open })
  },
  components: {
    schemas: {
      ...schemas,
      ...walkSchemas,
      AgreementSummaries: {
        type: 'array',
        items: { $ref: '#/components/schemas/AgreementSummary' }
      },
      ...activitySchemas
    },
    parameters: {
      id: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The agreement’s id (from the list).',
        schema: { type: 'string' }
      }
    },
    responses: {
      Invalid: json('A parameter or field is wrong; `fields` names it.', 'Invalid'),
      NotFound: json('No published agreement has this id.', 'NotFound'),
      NotModified: { description: 'The ETag in If-None-Match is still current.' },
      Unauthenticated: {
        ...json('The Bearer token sent is unknown or revoked.', 'Unauthenticated'),
        headers: { 'WWW-Authenticate': text('`Bearer`.') }
      },
      SignInNeeded: json(
        'Neither a valid token nor a session, or the token sent is unknown or revoked.',
        'Unauthenticated'
      ),
      Forbidden: json('Not allowed for this caller.', 'Forbidden'),
      TooLarge: json('The request declares a body larger than the limit.', 'TooLarge')
    },
    securitySchemes: {
      bearerToken: {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API token created on the account page (/konto, API-nycklar); it acts for its creator.'
      },
      sessionCookie: {
        type: 'apiKey',
        in: 'cookie',
        name: 'loften_session',
        description: 'The session of a signed-in user of the app.'
      }
    }
  }
};
