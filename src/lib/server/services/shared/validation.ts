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

// Strict pieces for query strings and JSON bodies. z.coerce takes too much: Number(true) is 1,
// Number([1]) is 1, Number(' 2020') and Number('0x7E4') are 2020, Boolean('false') is true.
// These accept a real number, or text of plain decimal digits (what a form or a query sends), and
// nothing else, so a wrong value is named instead of read as something the client did not mean.

const DIGITS = /^-?\d{1,15}$/;
const INT = 'Skriv ett heltal med siffror, till exempel 3.';

/**
 * A whole number given as a JSON number or as plain decimal digits ('12', '-3'): not a boolean,
 * an array, '1e3', '0x10', ' 12', '12.0' or ''. Pass the number schema with its range and messages.
 */
export const strictInt = (inner: z.ZodNumber = z.number({ message: INT }).int({ message: INT })) =>
  z.preprocess((v) => (typeof v === 'string' && DIGITS.test(v) ? Number(v) : v), inner);

/** A year as exactly four digits (or a JSON integer), between `min` and `max`. */
export const strictYear = (min = 2000, max = 2100) => {
  const message = `Ange ett år med fyra siffror mellan ${min} och ${max}, till exempel 2020.`;
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : v),
    z.number({ message }).int({ message }).min(min, { message }).max(max, { message })
  );
};

const TRUE_WORDS = new Set(['true', '1', 'yes', 'ja', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'nej', 'off']);

/**
 * Yes or no: a JSON boolean, or one of true/1/yes/ja/on and false/0/no/nej/off (any case).
 * Anything else ('', 'maybe', 2) is named as wrong rather than read as true.
 */
export const strictBoolean = (message = 'Skriv true eller false.') =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const w = v.toLowerCase();
    return TRUE_WORDS.has(w) ? true : FALSE_WORDS.has(w) ? false : v;
  }, z.boolean({ message }));

/** An empty query parameter (`?from=`) means "not given", as an HTML form sends it. */
export const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/**
 * Object.fromEntries of a query string, but a parameter given twice (`?ar=2020&ar=2021`) stays a
 * list, so a strict schema refuses it by name instead of silently taking the last value.
 */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}
