import { z } from 'zod';
import { OBSERVATION_CATEGORIES } from '../../../core/walks';

// The walks' input schemas, apart from the services so the OpenAPI document can import them
// without the services' imports.

/**
 * A decimal number from a form or JSON ('64,9', '64.9' or 64.9), empty or absent for none.
 * Text is read here, so the published schema says "a number" and forms may still send text.
 */
const coordinate = (label: string, max: number) => {
  const message = `Skriv ${label} som ett decimaltal mellan -${max} och ${max}, till exempel ${max === 90 ? '64.91' : '19.48'}, eller lämna fältet tomt.`;
  return (
    z
      .preprocess((v) => {
        if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
        if (typeof v !== 'string') return v;
        const t = v.trim().replace(',', '.');
        return /^-?\d{1,3}(\.\d{1,12})?$/.test(t) ? Number(t) : v;
      }, z.number({ message }).min(-max, { message }).max(max, { message }).nullable())
      // Seven decimals (about 1 cm) is all a position needs and all a `real` column keeps; a number
      // too small for PostgreSQL's `real` (5e-324) would otherwise fail to store.
      .transform((v) => (v == null ? v : Math.round(v * 1e7) / 1e7 || 0))
      .optional()
  );
};

const latitude = coordinate('latitud', 90);
const longitude = coordinate('longitud', 180);

/** Latitude and longitude: both or neither (each field checks its own range). */
function bothOrNeither(raw: { lat?: number | null; lng?: number | null }, c: z.RefinementCtx) {
  const v = { lat: raw.lat ?? null, lng: raw.lng ?? null };
  if ((v.lat === null) !== (v.lng === null))
    c.addIssue({
      code: 'custom',
      path: [v.lat === null ? 'lat' : 'lng'],
      message: 'Fyll i både latitud och longitud, eller lämna båda tomma.'
    });
}

/** A position from a form: latitude and longitude, both or neither. */
export const position = z.object({ lat: latitude, lng: longitude }).superRefine(bothOrNeither);

/** A new observation (the form and POST /api/v1/walks/{id}/observations). */
export const observationInput = z
  .object({
    category: z.enum(OBSERVATION_CATEGORIES, { message: 'Välj en kategori i listan.' }),
    description: z
      .string()
      .trim()
      .min(3, { message: 'Beskriv vad ni såg, till exempel "Trasig lampa på gångvägen".' })
      .max(2000, { message: 'Beskrivningen får vara högst 2000 tecken.' }),
    lat: latitude,
    lng: longitude,
    idempotencyKey: z.string().trim().min(8).max(100).optional()
  })
  .superRefine(bothOrNeither);

export const openWalksQuery = z.strictObject({
  kommun: z
    .string()
    .regex(/^\d{4}$/, { message: 'Kommunkoden har fyra siffror, t.ex. 2417.' })
    .optional()
});

export const openObservationsQuery = z.strictObject({
  format: z
    .enum(['json', 'csv', 'geojson'], { message: 'format ska vara json, csv eller geojson.' })
    .default('json')
});

/** The walk kinds that are rounds: they log contacts (what people said) besides observations. */
export const ROUND_KINDS = ['dorrknackning', 'nattvandring'] as const;

/** A whole number from a form field or JSON ('3' or 3); empty or absent for none. */
const count = (message: string, max: number) =>
  z.preprocess((v) => {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))
      return undefined;
    return typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v;
  }, z.number({ message }).int({ message }).min(0, { message }).max(max, { message }).optional());

const TIME = 'Skriv tiden som TT:MM, till exempel 19:30, eller lämna fältet tomt.';

/** A contact on a round (the form and the phone's queue). Themes are keys of the agreement's frame. */
export const contactInput = z.object({
  time: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string({ message: TIME })
      .trim()
      .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, { message: TIME })
      .transform((t) => t.replace('.', ':'))
      .optional()
  ),
  people: count('Skriv hur många personer ni talade med, ett heltal från 1 till 500.', 500)
    .refine((n) => n !== undefined && n >= 1, {
      message: 'Skriv hur många personer ni talade med, ett heltal från 1 till 500.'
    })
    .transform((n) => n!),
  households: count('Skriv antalet hushåll som ett heltal från 0 till 500, eller lämna tomt.', 500),
  said: z
    .string()
    .trim()
    .max(2000, { message: 'Det som sades får vara högst 2000 tecken.' })
    .default(''),
  themes: z
    .preprocess(
      (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().trim().min(1).max(80), { message: 'Välj teman i listan.' })
    )
    .transform((t) => [...new Set(t)]),
  idempotencyKey: z.string().trim().min(8).max(100).optional()
});
