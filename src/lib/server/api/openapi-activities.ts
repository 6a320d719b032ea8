import { editInput, logInput } from '../services/logging/activity.service';
import { listInput } from '../services/logging/activity-list.service';
import {
  DATE,
  forbidden,
  idParam,
  invalid,
  json,
  noContent,
  op,
  openOrSignedIn,
  response,
  signedIn
} from './openapi-helpers';
import type { JsonSchema, PathItem } from './openapi-types';
import { bodySchema, queryParameters } from './openapi-zod';

// The activities part of the OpenAPI document: logging, listing, changing, deleting and
// restoring activities, and their request bodies.

const activityId = idParam('The activity’s id.');

/** The activity paths, in the document's order. */
export const activityPaths: Record<string, PathItem> = {
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
  }
};

/** The request bodies of the activity endpoints, generated from the services' zod schemas. */
export const activitySchemas: Record<string, JsonSchema> = {
  ActivityInput: bodySchema(logInput, 'A new activity.', {
    date: { format: 'date', description: 'The day it was done; default today.' },
    count: { description: 'How many; default 1.' },
    shifts: { description: 'Shifts worked; needed for every-shift targets.' },
    durationMinutes: {
      description:
        'How long it took, in minutes; summed by targets in hours ("10 timmar per vecka"). Leave out or null when not known.'
    },
    idempotencyKey: { description: 'Any unique string of yours, to retry safely.' },
    publication: { description: 'Default: the measure’s own rule.' }
  }),
  ActivityChanges: bodySchema(editInput, 'The fields of an activity to change.', {
    date: { format: 'date' }
  })
};
