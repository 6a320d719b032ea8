import {
  agreementQuery,
  followUpQuery,
  listQuery
} from '../services/publication/open-data.service';
import {
  DATE,
  idParam,
  invalid,
  notFound,
  notModified,
  ok,
  op,
  open,
  param,
  preflight,
  json
} from './openapi-helpers';
import type { PathItem } from './openapi-types';
import { queryParameters } from './openapi-zod';

// The open-data part of the OpenAPI document: published agreements, their follow-up and the
// widget, open to anyone.

const municipalityCode = {
  ...idParam('Four-digit municipality code (SCB).'),
  name: 'code',
  schema: { type: 'string' as const, pattern: '^[0-9]{4}$' },
  example: '2417'
};

/** The paths of the agreements and the follow-up, in the document's order. */
export const agreementPaths: Record<string, PathItem> = {
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
  }
};

/** The widget's path. */
export const widgetPaths: Record<string, PathItem> = {
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
  }
};
