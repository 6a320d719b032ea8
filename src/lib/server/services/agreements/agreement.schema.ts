import { z } from 'zod';
import { isoDate } from '../shared/validation';
import { isTarget, type Target } from '../../../core';

const date = isoDate();
const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${what} får vara högst ${max} tecken.` });
const required = (max: number, what: string) =>
  text(max, what).min(1, { message: `Skriv ${what.toLowerCase()}.` });

export const PREVENTION_TYPES = ['social', 'situational', 'safety'] as const;

/** A measure as an editor or an importer writes it. */
export const measureDraft = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, {
      message: 'Nyckeln får bara ha små bokstäver a–z, siffror och bindestreck.'
    }),
  title: required(300, 'Titeln'),
  description: text(4000, 'Beskrivningen').default(''),
  targetText: required(500, 'Målet'),
  /** A target set by hand in the structured editor; otherwise the words are parsed. */
  target: z
    .custom<Target>((v) => isTarget(v), { message: 'Det strukturerade målet är inte giltigt.' })
    .optional(),
  responsiblePartyId: z.string().nullable().default(null),
  partyIds: z.array(z.string()).default([]),
  focusAreaKeys: z.array(z.string()).default([]),
  followUpMethod: text(1000, 'Uppföljningen').default(
    'Aktiviteter loggas i Löften och följs upp per tertial och år.'
  ),
  visibility: z
    .enum(['public', 'internal'], { message: 'Välj offentlig eller intern.' })
    .default('public'),
  publicationRule: z
    .enum(['public', 'delayed', 'monthly', 'internal'], {
      message:
        'Välj när aktiviteterna blir offentliga: direkt, efter några dagar, som antal per månad eller aldrig.'
    })
    .default('public'),
  publicationDelayDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(365, { message: 'Högst 365 dagars fördröjning.' })
    .default(0),
  startsOn: date.nullable().default(null),

  endsOn: date.nullable().default(null),
  changeReason: text(1000, 'Skälet').nullable().default(null)
});
export type MeasureDraft = z.input<typeof measureDraft>;

/** A whole agreement with its first plan revision, as created by an editor, the importer or the seed. */
export const agreementDraft = z
  .object({
    title: required(300, 'Titeln'),
    municipalityIds: z.array(z.string()).min(1, { message: 'Välj minst en kommun.' }),
    policeAreaId: z.string().nullable().default(null),
    partyIds: z.array(z.string()).default([]),
    status: z
      .enum(['draft', 'signed', 'ended'], {
        message: 'Status ska vara utkast, undertecknat eller avslutat.'
      })
      .default('draft'),
    periodStart: date,
    periodEnd: date,
    periodText: text(500, 'Periodtexten').default(''),
    situationSummary: text(20000, 'Lägesbilden').default(''),
    communication: text(10000, 'Kommunikationen').default(''),
    signedOn: date.nullable().default(null),
    signatories: z
      .array(
        z.object({
          name: required(200, 'Namnet'),
          title: text(200, 'Titeln').default(''),
          organisationId: z.string().nullable().default(null)
        })
      )
      .default([]),
    focusAreas: z
      .array(
        z.object({
          key: z.string().trim().min(1),
          title: required(300, 'Fokusområdets titel'),
          description: text(4000, 'Beskrivningen').default(''),
          preventionTypes: z.array(z.enum(PREVENTION_TYPES)).default([]),
          specialAttention: text(300, 'Särskild uppmärksamhet').nullable().default(null)
        })
      )
      .default([]),
    effects: z
      .array(
        z.object({
          title: required(1000, 'Effekten'),
          direction: z.enum(['increase', 'decrease']).default('increase'),
          indicators: z
            .array(
              z.object({
                name: required(300, 'Indikatorn'),
                unit: text(50, 'Enheten').default(''),
                direction: z.enum(['increase', 'decrease']),
                source: text(300, 'Källan').default('')
              })
            )
            .default([])
        })
      )
      .default([]),
    plan: z.object({
      year: z.number().int().min(2000).max(2100),
      note: text(4000, 'Anteckningen').default(''),
      groups: z
        .array(z.object({ title: required(300, 'Rubriken'), measures: z.array(measureDraft) }))
        .default([])
    })
  })
  .refine((a) => a.periodStart <= a.periodEnd, {
    path: ['periodEnd'],
    message: 'Slutdatum måste vara samma dag som eller efter startdatum.'
  });
export type AgreementDraft = z.input<typeof agreementDraft>;
export type ParsedAgreementDraft = z.output<typeof agreementDraft>;
