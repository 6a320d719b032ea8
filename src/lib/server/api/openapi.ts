import { PERIOD_KINDS } from '../../core/index';
import { schemas } from './openapi-schemas';
import type { OpenApiDocument, ResponseObject } from './openapi-types';

const json = (description: string, schema: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } }
});

/** A 200 of the open-data endpoints: cacheable for a minute, with an ETag for If-None-Match. */
const ok = (description: string, schema: string): ResponseObject => ({
  ...json(description, schema),
  headers: {
    ETag: { description: 'Send it back in If-None-Match to get 304.', schema: { type: 'string' } },
    'Cache-Control': { description: '`public, max-age=60`.', schema: { type: 'string' } },
    'Access-Control-Allow-Origin': { description: '`*`: open data.', schema: { type: 'string' } }
  }
});

const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const notModified = { $ref: '#/components/responses/NotModified' };
const invalid = { $ref: '#/components/responses/Invalid' };
const notFound = { $ref: '#/components/responses/NotFound' };
const dateQuery = (name: string, description: string) => ({
  name,
  in: 'query' as const,
  description,
  schema: { type: 'string' as const, format: 'date' },
  example: name === 'to' ? '2020-12-31' : '2020-01-01'
});

/** The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. */
export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Löften open data API',
    version: '1.0.0',
    description:
      'Medborgarlöften (citizen promises) between the Swedish Police and municipalities, their ' +
      'measures and how they are followed up. Public, no sign-in; only published agreements and ' +
      'public measures. Error messages are in Swedish. Dates are `YYYY-MM-DD` (Europe/Stockholm).',
    license: { name: 'CC0 1.0 Universal', identifier: 'CC0-1.0' }
  },
  tags: [
    { name: 'agreements', description: 'Medborgarlöften and their plans.' },
    { name: 'follow-up', description: 'Uppföljning: expected and done per period.' },
    { name: 'service', description: 'Operational endpoints.' }
  ],
  paths: {
    '/api/v1/health': {
      get: {
        operationId: 'health',
        summary: 'Whether the service and its database answer',
        tags: ['service'],
        responses: {
          '200': json('The database answers.', 'Health'),
          '503': json('The database does not answer.', 'Health')
        }
      }
    },
    '/api/v1/agreements': {
      get: {
        operationId: 'listAgreements',
        summary: 'Published agreements',
        tags: ['agreements'],
        parameters: [param('kommun')],
        responses: {
          '200': ok('Agreements ordered by title.', 'AgreementSummaries'),
          '304': notModified,
          '400': invalid
        }
      }
    },
    '/api/v1/agreements/{id}': {
      get: {
        operationId: 'getAgreement',
        summary: 'One agreement with its focus areas, effects and public measures',
        description:
          'The plan revision shown is the latest one at or before `ar`, else the latest. ' +
          'Measures marked internal by the editors are never included.',
        tags: ['agreements'],
        parameters: [param('id'), param('ar')],
        responses: {
          '200': ok('The agreement.', 'Agreement'),
          '304': notModified,
          '400': invalid,
          '404': notFound
        }
      }
    },
    '/api/v1/agreements/{id}/follow-up': {
      get: {
        operationId: 'getFollowUp',
        summary: 'Expected and done activities per measure and period, with a status',
        description:
          'The arithmetic is described in docs/FOLLOW-UP.md. The span is clipped to the ' +
          'agreement period.',
        tags: ['follow-up'],
        parameters: [param('id'), param('from'), param('to'), param('period'), param('asOf')],
        responses: {
          '200': ok('The follow-up.', 'FollowUp'),
          '304': notModified,
          '400': invalid,
          '404': notFound
        }
      }
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'openApi',
        summary: 'This document',
        tags: ['service'],
        responses: {
          '200': {
            description: 'OpenAPI 3.1.',
            content: { 'application/json': { schema: { type: 'object' } } }
          }
        }
      }
    }
  },
  components: {
    schemas: {
      ...schemas,
      AgreementSummaries: {
        type: 'array',
        items: { $ref: '#/components/schemas/AgreementSummary' }
      }
    },
    parameters: {
      id: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The agreement’s id (from the list).',
        schema: { type: 'string' }
      },
      kommun: {
        name: 'kommun',
        in: 'query',
        description: 'Only agreements of this municipality (four-digit code).',
        schema: { type: 'string', pattern: '^[0-9]{4}$' },
        example: '2417'
      },
      ar: {
        name: 'ar',
        in: 'query',
        description: 'Plan year (år).',
        schema: { type: 'integer', minimum: 2000, maximum: 2100 },
        example: 2020
      },
      from: dateQuery('from', 'First day; default the agreement’s start.'),
      to: dateQuery('to', 'Last day; default the agreement’s end.'),
      asOf: {
        ...dateQuery('asOf', 'Judge as on this day; default today in Stockholm.'),
        example: '2022-06-01'
      },
      period: {
        name: 'period',
        in: 'query',
        description: 'Length of each period.',
        schema: { type: 'string', enum: [...PERIOD_KINDS], default: 'month' }
      }
    },
    responses: {
      Invalid: json('A query parameter is wrong; `fields` names it.', 'Invalid'),
      NotFound: json('No published agreement has this id.', 'NotFound'),
      NotModified: { description: 'The ETag in If-None-Match is still current.' }
    }
  }
};
