import { z } from 'zod';
import { isIsoDate } from '../../core/index';

// Messages zod writes itself (a number where text was expected …) come in Swedish too.
z.config(z.locales.sv());

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 is refused), with a message a user can act on. */
export const isoDate = (
  message = 'Skriv ett datum som finns, som ÅÅÅÅ-MM-DD, till exempel 2019-01-01.'
) => z.string().refine((v) => isIsoDate(v), { message });
