import {
  FOLLOW_UP_STATUSES,
  INTERVAL_UNITS,
  PERIOD_KINDS,
  TARGET_KINDS,
  TARGET_PERS
} from '../../core/index';
import { PREVENTION_TYPES } from '../services/agreements/agreement.schema';
import { logInput } from '../services/logging/activity.service';
import { STATUS_ORDER } from '../../i18n/status-order';
import type { JsonSchema } from './openapi-types';

// Response schemas of the open-data API. Enumerations come from the domain's own constants, so
// a new target kind or status shows up here without anyone remembering to add it.

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
// No `description: undefined` keys: the document must survive a JSON round trip unchanged.
const described = (s: JsonSchema, description?: string): JsonSchema =>
  description === undefined ? s : { ...s, description };
const string = (description?: string): JsonSchema => described({ type: 'string' }, description);
const date = (description?: string): JsonSchema =>
  described({ type: 'string', format: 'date' }, description);
const nullable = (s: JsonSchema): JsonSchema => ({
  ...s,
  type: [s.type as 'string', 'null']
});
const object = (
  properties: Record<string, JsonSchema>,
  description?: string,
  optional: string[] = []
): JsonSchema =>
  described(
    {
      type: 'object',
      properties,
      required: Object.keys(properties).filter((k) => !optional.includes(k)),
      additionalProperties: false
    },
    description
  );
const array = (items: JsonSchema, description?: string): JsonSchema =>
  described({ type: 'array', items }, description);
const named = object({ id: string(), name: string() });
/** An error answer: a fixed `error` code and a message in Swedish (with the English gist). */
const failure = (code: string, description: string): JsonSchema =>
  object(
    { error: { type: 'string', const: code }, message: string('What was wrong (Swedish).') },
    description
  );

/** One target variant: `kind` as a constant, `text` the measure's own words, plus its fields. */
const target = (
  kind: (typeof TARGET_KINDS)[number],
  description: string,
  fields: Record<string, JsonSchema> = {},
  optional: string[] = []
): JsonSchema =>
  object(
    {
      kind: { type: 'string', const: kind },
      text: string('The target in the agreement’s own words (Swedish).'),
      ...fields
    },
    description,
    optional
  );

const targetVariants: Record<(typeof TARGET_KINDS)[number], JsonSchema> = {
  count: target(
    'count',
    'At least `count` activities per `per` ("Minst 10 kontroller per månad").',
    {
      count: { type: 'integer', minimum: 1 },
      per: {
        type: 'string',
        enum: [...TARGET_PERS],
        description: '`period` = the whole agreement.'
      },
      unit: string('What is counted, e.g. "kontroller".'),
      perUnit: object(
        { label: string(), values: array(string()) },
        'The count applies to each value separately, e.g. each school grade.'
      ),
      weekdays: array(
        { type: 'integer', minimum: 1, maximum: 7 },
        'Only activities on these ISO weekdays count (1 = Monday).'
      )
    },
    ['unit', 'perUnit', 'weekdays']
  ),
  interval: target('interval', 'At least one activity in every run of `every` units.', {
    every: { type: 'integer', minimum: 1 },
    unit: { type: 'string', enum: [...INTERVAL_UNITS] }
  }),
  'every-shift': target('every-shift', 'An activity on every shift worked.'),
  continuous: target('continuous', 'Ongoing; quiet after `quietAfterDays` without activity.', {
    quietAfterDays: { type: 'integer', minimum: 1 }
  }),
  'on-demand': target('on-demand', 'When needed; never judged as missed.'),
  occasions: target('occasions', 'At least one activity at each occasion.', {
    occasions: {
      oneOf: [
        { type: 'string', const: 'risk-weekends' },
        array(string(), 'Named occasions, e.g. "valborg", "midsommar".')
      ]
    }
  }),
  unparsed: target('unparsed', 'Words the parser could not read; shown, never judged.')
};

const fulfilment = object(
  {
    met: { type: 'integer', minimum: 0 },
    judged: { type: 'integer', minimum: 0 },
    share: { type: ['number', 'null'], description: '`met / judged`, null when nothing is judged.' }
  },
  'Periods where the promise was kept (met, on-track, active) among those judged.'
);

/** The component schemas of the document, keyed by name. */
export const schemas: Record<string, JsonSchema> = {
  Target: {
    description: 'A measurable target parsed from the measure’s words, discriminated on `kind`.',
    oneOf: TARGET_KINDS.map((k) => ref(`Target_${k}`)),
    discriminator: {
      propertyName: 'kind',
      mapping: Object.fromEntries(TARGET_KINDS.map((k) => [k, `#/components/schemas/Target_${k}`]))
    }
  },
  ...Object.fromEntries(Object.entries(targetVariants).map(([k, s]) => [`Target_${k}`, s])),
  Municipality: object({ code: string('Four-digit municipality code (SCB).'), name: string() }),
  AgreementSummary: object({
    id: string(),
    title: string(),
    status: { type: 'string', enum: ['signed', 'ended'] },
    demo: { type: 'boolean', description: 'True for invented demonstration data.' },
    municipalities: array(ref('Municipality')),
    period: object({ start: date('First day.'), end: date('Last day.') })
  }),
  Measure: object(
    {
      id: string('Id of the measure in this plan revision.'),
      key: string('Stable across plan revisions.'),
      title: string(),
      description: string(),
      group: string('Id of its measure group.'),
      focusAreas: array(string(), 'Ids of its focus areas.'),
      target: ref('Target'),
      targetDescription: string('The target explained in Swedish.'),
      followUpMethod: nullable(
        string('Null when the agreement does not say how it is followed up.')
      ),
      responsibleParty: { oneOf: [ref('Party'), { type: 'null' }] },
      parties: array(ref('Party')),
      startsOn: nullable(date('Starts later than the agreement.')),
      endsOn: nullable(date('Ends earlier than the agreement.')),
      changeReason: nullable(string('Why this plan revision changed the measure.'))
    },
    'A public measure (internal measures are never published).'
  ),
  Party: named,
  Agreement: object({
    id: string(),
    title: string(),
    status: { type: 'string', enum: ['signed', 'ended'] },
    demo: { type: 'boolean' },
    period: object({ start: date('First day.'), end: date('Last day.'), text: string() }),
    signedOn: nullable(date('Day of signing.')),
    municipalities: array(ref('Municipality')),
    policeArea: { oneOf: [ref('Party'), { type: 'null' }] },
    parties: array(ref('Party')),
    situationSummary: string('Lägesbild.'),
    communication: string(),
    revision: {
      oneOf: [ref('Revision'), { type: 'null' }],
      description: 'The plan revision shown.'
    },
    revisions: array(ref('Revision'), 'Every plan revision, oldest first.'),
    focusAreas: array(
      object({
        id: string(),
        title: string(),
        description: string(),
        preventionTypes: array({ type: 'string', enum: [...PREVENTION_TYPES] }),
        specialAttention: nullable(string())
      })
    ),
    effects: array(
      object({
        id: string(),
        title: string(),
        direction: { type: 'string', enum: ['increase', 'decrease'] },
        indicators: array(
          object({
            id: string(),
            name: string(),
            unit: string(),
            direction: { type: 'string', enum: ['increase', 'decrease'] },
            source: string()
          })
        )
      })
    ),
    measureGroups: array(object({ id: string(), title: string() })),
    measures: array(ref('Measure'))
  }),
  Revision: object({
    year: { type: 'integer' },
    note: string(),
    demo: { type: 'boolean' }
  }),
  Fulfilment: fulfilment,
  FollowUp: object({
    agreementId: string(),
    today: date('The day judged as today (`asOf`, else today in Stockholm).'),
    span: object({ start: date(), end: date() }),
    period: { type: 'string', enum: [...PERIOD_KINDS] },
    demo: {
      type: 'boolean',
      description:
        'True when invented demo activities are counted; label it as demo wherever shown.'
    },
    measures: array(
      object({
        id: string(),
        key: string(),
        title: string(),
        target: ref('Target'),
        targetDescription: string(),
        periods: array(
          object({
            start: date(),
            end: date(),
            expected: {
              type: ['integer', 'null'],
              description: 'Null when the target has no count.'
            },
            done: {
              type: 'number',
              minimum: 0,
              description:
                'Activities done; for a target in hours (minutes) the logged time in hours (minutes), to hundredths.'
            },
            untimed: {
              type: ['integer', 'null'],
              minimum: 0,
              description:
                'Targets in hours or minutes: activities logged without a duration ("saknar tid"), not in `done`. Null for other targets.'
            },
            status: { type: 'string', enum: [...FOLLOW_UP_STATUSES] },
            publishedThrough: {
              type: ['string', 'null'],
              format: 'date',
              description:
                'Set when activities are published later (a monthly count, a delay): done counts only through this day.'
            }
          })
        ),
        fulfilment: ref('Fulfilment')
      })
    ),
    fulfilment: object({
      total: ref('Fulfilment'),
      byFocusArea: { type: 'object', additionalProperties: ref('Fulfilment') },
      byResponsibleParty: { type: 'object', additionalProperties: ref('Fulfilment') }
    })
  }),
  Health: object({
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    database: { type: 'string', enum: ['sqlite', 'postgresql'] }
  }),
  Activity: object(
    {
      id: string(),
      agreementId: string(),
      measureKey: string('The measure’s stable key (the same in every plan revision).'),
      date: date('The day it was done.'),
      count: { type: 'integer', minimum: 1 },
      shifts: { type: 'integer', minimum: 0 },
      durationMinutes: {
        type: ['integer', 'null'],
        minimum: 1,
        description: 'How long it took, in minutes; null when not given (shown as "saknar tid").'
      },
      grade: nullable(string('School grade, for per-grade targets.')),
      place: nullable(string('Null for outsiders unless the activity is public.')),
      partyIds: array(string(), 'Ids of the parties that took part.'),
      note: nullable(string('Only for the parties of the agreement.')),
      publication: {
        type: 'string',
        enum: [...logInput.shape.publication.unwrap().options],
        description: 'When the public may see it.'
      },
      publishAfter: nullable(date('Public from this day; null when internal.')),
      demo: { type: 'boolean', description: 'True for invented demonstration data.' },
      createdAt: described({ type: 'string', format: 'date-time' }, 'When it was logged (UTC).'),
      deletedAt: {
        type: ['string', 'null'],
        format: 'date-time',
        description: 'When it was deleted; an editor can restore it.'
      }
    },
    'A logged activity as its reader may see it.'
  ),
  ActivityPage: object(
    {
      items: array(ref('Activity'), 'Newest first.'),
      page: { type: 'integer', minimum: 1 },
      pageSize: { type: 'integer', minimum: 1, maximum: 200 },
      total: { type: 'integer', minimum: 0, description: 'Activities matching, on every page.' }
    },
    'One page of activities.'
  ),
  WidgetSummary: object(
    {
      municipality: ref('Municipality'),
      title: string(),
      url: described({ type: 'string', format: 'uri' }, 'The municipality’s public page.'),
      period: nullable(string('The tertial counted, e.g. "T1 2021"; null without an agreement.')),
      total: { type: 'integer', minimum: 0, description: 'Measures counted.' },
      counts: array(
        object({
          status: { type: 'string', enum: [...STATUS_ORDER] },
          label: string('The status in Swedish.'),
          symbol: string('A symbol that tells the status without colour.'),
          count: { type: 'integer', minimum: 1 }
        }),
        'Statuses with at least one measure, kept first.'
      ),
      demo: { type: 'boolean', description: 'True for invented demonstration data.' },
      colour: nullable(
        string('The municipality’s colour as #rrggbb (4.5:1 or more with white text), or null.')
      )
    },
    'What the embeddable widget shows: a municipality’s agreement this tertial.'
  ),
  Invalid: object({
    error: { type: 'string', const: 'invalid' },
    fields: array(
      object({
        field: string('The query parameter or body field (`body` when the body is not JSON).'),
        message: string('What to do (Swedish).')
      })
    )
  }),
  Unauthenticated: failure('unauthenticated', 'No valid API token or session.'),
  Forbidden: failure('forbidden', 'Signed in, but not allowed to do this.'),
  NotFound: failure('not-found', 'Nothing with this id that the caller may see.'),
  TooLarge: failure('too-large', 'The request declares a body larger than the limit.')
};
