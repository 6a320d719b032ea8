import { z } from 'zod';

/** The activity fields a spreadsheet column can be mapped to. */
export const IMPORT_FIELDS = [
  'measure',
  'date',
  'count',
  'shifts',
  'hours',
  'grade',
  'place',
  'note',
  'id'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which column (0-based) holds each field; a field without a column is not imported. */
export type ImportMapping = Partial<Record<ImportField, number>>;

/** Swedish names of the fields, as the page and the error list show them. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  measure: 'Åtgärd',
  date: 'Datum',
  count: 'Antal',
  shifts: 'Pass',
  hours: 'Tid (timmar)',
  grade: 'Årskurs',
  place: 'Plats',
  note: 'Anteckning',
  id: 'Id (från en export härifrån)'
};

/** Header words that point at a field, Swedish first. */
const WORDS: Record<ImportField, string[]> = {
  measure: ['åtgärd', 'atgard', 'åtgärder', 'measure', 'insats', 'aktivitet', 'activity'],
  date: ['datum', 'date', 'dag', 'day', 'när'],
  count: ['antal', 'count', 'st', 'stycken', 'number', 'quantity', 'mängd'],
  shifts: ['pass', 'arbetspass', 'shifts', 'shift'],
  // How long it took, in hours with a decimal comma ("1,5") or as 1:30.
  hours: ['timmar', 'tid', 'tim', 'tidsåtgång', 'hours', 'duration', 'time'],
  grade: ['årskurs', 'åk', 'klass', 'grade', 'arskurs'],
  place: ['plats', 'område', 'ort', 'place', 'location', 'adress'],
  note: ['anteckning', 'anteckningar', 'kommentar', 'note', 'notes', 'beskrivning', 'comment'],
  // Only the exact header: the product's own export names its id column "Id".
  id: []
};

const norm = (s: string) => s.trim().toLowerCase().normalize('NFC');
const words = (s: string) =>
  norm(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * Guesses which column holds which field from the header: a header that is exactly one of a
 * field's words wins, then a header containing one as a word. Each column serves one field.
 */
export function guessMapping(header: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  const assign = (test: (h: string, field: ImportField) => boolean) => {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const i = header.findIndex((h, i) => !used.has(i) && test(h, field));
      if (i >= 0) {
        mapping[field] = i;
        used.add(i);
      }
    }
  };
  assign((h, f) => (f === 'id' ? norm(h) === 'id' : WORDS[f].includes(norm(h))));
  assign((h, f) => words(h).some((w) => WORDS[f].includes(w)));
  return mapping;
}

const column = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.coerce.number().int().min(0).optional()
);

/** A mapping as a form or a client sends it: column numbers, at most one field per column. */
export const mappingSchema = z
  .object(
    Object.fromEntries(IMPORT_FIELDS.map((f) => [f, column])) as Record<ImportField, typeof column>
  )
  .superRefine((m, ctx) => {
    if (m.measure === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['measure'],
        message: 'Välj vilken kolumn som har åtgärden.'
      });
    if (m.date === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'Välj vilken kolumn som har datumet.'
      });
    const seen = new Map<number, ImportField>();
    for (const f of IMPORT_FIELDS) {
      const c = m[f];
      if (c === undefined) continue;
      const other = seen.get(c);
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: [f],
          message: `Samma kolumn är redan vald för ${IMPORT_FIELD_LABELS[other]}. Välj en kolumn per fält.`
        });
      seen.set(c, f);
    }
  });
