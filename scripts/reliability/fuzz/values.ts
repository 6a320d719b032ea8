/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: values a schema accepts
 * (with real ids mixed in for fields that name one, so valid requests reach the services), and
 * values it refuses or that are merely hostile (wrong types, huge and odd unicode strings, missing
 * required fields, extra fields).
 */
import fc from 'fast-check';
import type { JsonSchema } from '../../../src/lib/server/api/openapi-types';

/** Real values by field name (`measureId`, `agreementId`, `id`, `kommun`...), from the database. */
export type Hints = Record<string, string[]>;

export type Resolve = (s: JsonSchema) => JsonSchema;

const day = fc
  .date({ min: new Date('2015-01-01'), max: new Date('2032-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Strings meant to hurt: huge, control characters, surrogates, SQL and path tricks. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '../../etc/passwd',
    "' or 1=1 --",
    '%00',
    '%',
    '😀'.repeat(50),
    'null',
    'undefined',
    '-1',
    '0',
    '1e309',
    '9'.repeat(40),
    '2020-02-30',
    '2020-13-01',
    '0000-00-00',
    '<script>alert(1)</script>',
    'Ångström åäö ÅÄÖ'
  ),
  fc.nat({ max: 70_000 }).map((n) => 'x'.repeat(n))
);

/** Values of every JSON type, for a field that expects another. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  hostileString,
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 })
);

function stringOf(s: JsonSchema, name: string, hints: Hints): fc.Arbitrary<string> {
  const known = hints[name] ?? (/(^id|Id)$/.test(name) ? hints.id : undefined);
  let base: fc.Arbitrary<string>;
  if (s.format === 'date') base = day;
  else if (s.format === 'date-time') base = day.map((d) => `${d}T12:00:00.000Z`);
  else if (s.pattern) base = fc.stringMatching(new RegExp(s.pattern));
  else
    base = fc.string({
      unit: 'grapheme',
      minLength: s.minLength ?? 0,
      maxLength: Math.min(s.maxLength ?? 30, 30)
    });
  if (s.minLength !== undefined || s.maxLength !== undefined)
    base = base.filter(
      (v) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity)
    );
  return known?.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known) }, base) : base;
}

/** A value the schema accepts. `name` is the field's name, for hints. */
export function validValue(
  schema: JsonSchema,
  resolve: Resolve,
  hints: Hints,
  name = ''
): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives)
    return fc.oneof(...alternatives.map((a) => validValue(a, resolve, hints, name)));
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1)
    return fc.oneof(...type.map((t) => validValue({ ...s, type: t }, resolve, hints, name)));
  switch (type[0]) {
    case 'string':
      return stringOf(s, name, hints);
    case 'integer':
      return fc.integer({
        min: Math.max(s.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
        max: Math.min(s.maximum ?? 1_000_000, 1_000_000_000)
      });
    case 'number':
      return fc.double({
        min: s.minimum ?? -1e6,
        max: s.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? validValue(s.items, resolve, hints, name) : anyJson, {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 3)
      });
    case 'object':
    default: {
      const props = Object.entries(s.properties ?? {});
      if (!props.length) return fc.constant({});
      const model = Object.fromEntries(
        props.map(([k, v]) => [k, validValue(v, resolve, hints, k)])
      );
      const record = fc.record(model, { requiredKeys: s.required ?? [] });
      // Fields the document says go together ("with lng or not at all"): both or neither.
      if (!('lat' in model && 'lng' in model)) return record;
      return record.map((o: Record<string, unknown>) => {
        if ('lat' in o === 'lng' in o) return o;
        const { lat: _lat, lng: _lng, ...rest } = o;
        return rest;
      });
    }
  }
}

/** A body (or value) the schema refuses, or that at least probes its edges. */
export function invalidValue(
  schema: JsonSchema,
  resolve: Resolve,
  hints: Hints
): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const valid = validValue(s, resolve, hints);
  const props = Object.keys(s.properties ?? {});
  const variants: fc.Arbitrary<unknown>[] = [anyJson];
  if (props.length) {
    const obj = valid as fc.Arbitrary<Record<string, unknown>>;
    // A field of the wrong type or a hostile string.
    variants.push(
      fc
        .tuple(obj, fc.constantFrom(...props), fc.oneof(anyJson, hostileString))
        .map(([o, k, v]) => ({ ...o, [k]: v }))
    );
    // A required field missing.
    if (s.required?.length)
      variants.push(
        fc.tuple(obj, fc.constantFrom(...s.required)).map(([o, k]) => {
          const copy = { ...o };
          delete copy[k];
          return copy;
        })
      );
    // An extra field.
    variants.push(
      fc
        .tuple(obj, fc.string({ minLength: 1, maxLength: 12 }), anyJson)
        .map(([o, k, v]) => ({ ...o, [k]: v }))
    );
  }
  return fc.oneof(...variants);
}
