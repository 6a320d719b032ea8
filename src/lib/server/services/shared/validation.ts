import { z } from 'zod';
import { isIsoDate } from '../../../core';
import { fieldErrorsFromZod, ValidationError } from './errors';

// Messages zod writes itself (a number where text was expected …) come in Swedish too.
z.config(z.locales.sv());

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 is refused), with a message a user can act on. */
export const isoDate = (
  message = 'Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2019-01-01.'
) =>
  z.string().superRefine((v, c) => {
    if (isIsoDate(v)) return;
    // Written the right way but not a real day (2026-02-30): say that, not how to write it.
    const shaped = /^\d{4}-\d{2}-\d{2}$/.test(v);
    c.addIssue({
      code: 'custom',
      message: shaped ? `${v} finns inte i kalendern. Välj en dag som finns.` : message
    });
  });

/** Parses input with a schema, or throws a ValidationError naming each wrong field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  return r.data;
}
