import { editInput, logInput } from '../services/logging/activity.service';
import { listInput } from '../services/logging/activity-list.service';
import {
  agreementQuery,
  followUpQuery,
  listQuery
} from '../services/publication/open-data.service';
import { schemas } from './openapi-schemas';
import type {
  Header,
  OpenApiDocument,
  Operation,
  ResponseObject,
  SecurityRequirement
} from './openapi-types';
import { bodySchema, queryParameters } from './openapi-zod';

const json = (description: string, schema: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } }
});

const text = (description: string): Header => ({ description, schema: { type: 'string' } });

/** A 200 of the open-data endpoints: cacheable for a minute, with an ETag for If-None-Match. */
const ok = (description: string, schema: string): ResponseObject => ({
  ...json(description, schema),
  headers: {
    ETag: text('Send it back in If-None-Match to get 304.'),
    'Cache-Control': text('`public, max-age=60`.'),
    'Access-Control-Allow-Origin': text('`*`: open data.')
  }
});

const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const notModified = response('NotModified');
const invalid = response('Invalid');
const notFound = response('NotFound');
const unauthenticated = response('Unauthenticated');
const forbidden = response('Forbidden');
const noContent = (description: string): ResponseObject => ({ description });

/** Open to anyone; a Bearer token that is sent must still be valid. */
const open: SecurityRequirement[] = [];
/** A token (scripts, systems) or a signed-in session (the app's own pages). */
const signedIn: SecurityRequirement[] = [{ bearerToken: [] }, { sessionCookie: [] }];
/** Anyone, but a token or session shows more (the parties see all their activities). */
const openOrSignedIn: SecurityRequirement[] = [{}, ...signedIn];

/**
 * Every /api/v1 answer may be one of these, whatever the route: a Bearer token that is unknown or
 * revoked is refused before any route runs (hooks.server.ts), and so is a declared body over
 * the size limit.
 */
const everywhere = {
  '401': unauthenticated,
  '413': response('TooLarge')
};
const op = (o: Operation): Operation => ({
  ...o,
  responses: { ...everywhere, ...o.responses }
});

/** The CORS preflight of an endpoint that any origin may read. */
const preflight = (
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

const idParam = (description: string) => ({
  name: 'id',
  in: 'path' as const,
  required: true,
  description,
  schema: { type: 'string' as const }
});
const activityId = idParam('The activity’s id.');
const municipalityCode = {
  ...idParam('Four-digit municipality code (SCB).'),
  name: 'code',
  schema: { type: 'string' as const, pattern: '^[0-9]{4}$' },
  example: '2417'
};

const DATE = { format: 'date' } as const;

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
    '/api/v1/agreements': {
      get: op({
        operationId: 'listAgreements',
        summary: 'Published agreements',
        tags: ['agreements'],
        security: open,
        parameters: queryParameters(listQuery, {
          kommun: {
            description: 'Only agreements of this municipality (four-digit code).',
            example: '2417'
          }
        }),
        responses: {
          '200': ok('Agreements ordered by title.', 'AgreementSummaries'),
          '304': notModified,
          '400': invalid
        }
      }),
      options: preflight('listAgreementsPreflight', 'GET, HEAD, OPTIONS')
    },
    '/api/v1/agreements/{id}': {
      get: op({
        operationId: 'getAgreement',
        summary: 'One agreement with its focus areas, effects and public measures',
        description:
          'The plan revision shown is the latest one at or before `ar`, else the latest. ' +
          'Measures marked internal by the editors are never included.',
        tags: ['agreements'],
        security: open,
        parameters: [
          param('id'),
          ...queryParameters(agreementQuery, {
            ar: { description: 'Plan year (år).', example: 2020 }
          })
        ],
        responses: {
          '200': ok('The agreement.', 'Agreement'),
          '304': notModified,
          '400': invalid,
          '404': notFound
        }
      }),
      options: preflight('getAgreementPreflight', 'GET, HEAD, OPTIONS', [param('id')])
    },
    '/api/v1/agreements/{id}/follow-up': {
      get: op({
        operationId: 'getFollowUp',
        summary: 'Expected and done activities per measure and period, with a status',
        description:
          'The arithmetic is described in docs/FOLLOW-UP.md. The span is clipped to the ' +
          'agreement period.',
        tags: ['follow-up'],
        security: open,
        parameters: [
          param('id'),
          ...queryParameters(followUpQuery, {
            from: {
              description: 'First day; default the agreement’s start.',
              example: '2020-01-01',
              schema: DATE
            },
            to: {
              description: 'Last day; default the agreement’s end.',
              example: '2020-12-31',
              schema: DATE
            },
            asOf: {
              description: 'Judge as on this day; default today in Stockholm.',
              example: '2022-06-01',
              schema: DATE
            },
            period: { description: 'Length of each period.', schema: { default: 'month' } }
          })
        ],
        responses: {
          '200': ok('The follow-up.', 'FollowUp'),
          '304': notModified,
          '400': invalid,
          '404': notFound
        }
      }),
      options: preflight('getFollowUpPreflight', 'GET, HEAD, OPTIONS', [param('id')])
    },
    '/api/v1/activities': {
      post: op({
        operationId: 'logActivity',
        summary: 'Log an activity',
        description:
          'For members of an organisation that is party to the measure’s agreement. Send an ' +
          '`idempotencyKey` to retry safely: the same key from the same sender answers 200 with ' +
          'the activity stored the first time.',
        tags: ['activities'],
        security: signedIn,
        requestBody: {
          description: 'The activity.',
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/ActivityInput' } }
          }
        },
        responses: {
          '201': json('Stored.', 'Activity'),
          '200': json('Stored before, with this idempotency key.', 'Activity'),
          '400': invalid,
          '401': response('SignInNeeded'),
          '403': forbidden,
          '404': json('The measure’s agreement does not exist.', 'NotFound')
        }
      }),
      get: op({
        operationId: 'listActivities',
        summary: 'Activities, newest first, a page at a time',
        description:
          'The parties of an agreement see all its activities; everyone else only what the ' +
          'publication rules have made public, without notes, and places only of public ' +
          'activities. Without `agreementId`, a signed-in caller gets the agreements of their ' +
          'organisations. Unknown parameters and a parameter given twice are refused by name.',
        tags: ['activities'],
        security: openOrSignedIn,
        parameters: queryParameters(listInput, {
          agreementId: { description: 'The agreement; required when not signed in.' },
          measureKey: { description: 'Only this measure (its stable key).' },
          from: { description: 'From this day.', example: '2020-01-01', schema: DATE },
          to: { description: 'Through this day.', example: '2020-12-31', schema: DATE },
          partyId: { description: 'Only activities this party took part in.' },
          page: { description: 'Page number.', schema: { default: 1 } },
          pageSize: { description: 'Activities per page.', schema: { default: 50 } },
          includeDeleted: {
            description: 'Include deleted activities (parties only).',
            schema: { default: false }
          },
          mine: { description: 'Only the caller’s own activities.', schema: { default: false } }
        }),
        responses: {
          '200': json('One page.', 'ActivityPage'),
          '400': invalid,
          '403': forbidden,
          '404': json('No agreement with this id that the caller may see.', 'NotFound')
        }
      })
    },
    '/api/v1/activities/{id}': {
      patch: op({
        operationId: 'updateActivity',
        summary: 'Change an activity',
        description: 'Its reporter or an editor of the agreement’s organisations.',
        tags: ['activities'],
        security: signedIn,
        parameters: [activityId],
        requestBody: {
          description: 'Only the fields to change.',
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/ActivityChanges' } }
          }
        },
        responses: {
          '200': json('The activity as changed.', 'Activity'),
          '400': invalid,
          '401': response('SignInNeeded'),
          '403': forbidden,
          '404': json('No activity with this id (or it is deleted).', 'NotFound')
        }
      }),
      delete: op({
        operationId: 'deleteActivity',
        summary: 'Delete an activity (softly: an editor can restore it)',
        tags: ['activities'],
        security: signedIn,
        parameters: [activityId],
        responses: {
          '204': noContent('Deleted.'),
          '401': response('SignInNeeded'),
          '403': forbidden,
          '404': json('No activity with this id (or it is deleted).', 'NotFound')
        }
      })
    },
    '/api/v1/activities/{id}/restore': {
      post: op({
        operationId: 'restoreActivity',
        summary: 'Restore a deleted activity (editors)',
        tags: ['activities'],
        security: signedIn,
        parameters: [activityId],
        responses: {
          '204': noContent('Restored.'),
          '401': response('SignInNeeded'),
          '403': forbidden,
          '404': json('No deleted activity with this id.', 'NotFound')
        }
      })
    },
    '/api/v1/widget/{code}': {
      get: op({
        operationId: 'getWidget',
        summary: 'The widget’s data: status counts of a municipality’s agreement this tertial',
        description:
          'Any website may embed it. Without a published agreement the counts are empty and ' +
          '`period` is null.',
        tags: ['widget'],
        security: open,
        parameters: [municipalityCode],
        responses: {
          '200': json('The summary.', 'WidgetSummary'),
          '404': json('No municipality with this code.', 'NotFound')
        }
      }),
      options: preflight('getWidgetPreflight', 'GET, OPTIONS', [municipalityCode])
    },
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
    }
  },
  components: {
    schemas: {
      ...schemas,
      AgreementSummaries: {
        type: 'array',
        items: { $ref: '#/components/schemas/AgreementSummary' }
      },
      ActivityInput: bodySchema(logInput, 'A new activity.', {
        date: { format: 'date', description: 'The day it was done; default today.' },
        count: { description: 'How many; default 1.' },
        shifts: { description: 'Shifts worked; needed for every-shift targets.' },
        idempotencyKey: { description: 'Any unique string of yours, to retry safely.' },
        publication: { description: 'Default: the measure’s own rule.' }
      }),
      ActivityChanges: bodySchema(editInput, 'The fields of an activity to change.', {
        date: { format: 'date' }
      })
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
