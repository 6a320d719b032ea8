import { z } from 'zod';
import type { JsonSchema, Parameter } from './openapi-types';

// Request parameters and bodies of the document come from the very zod schemas the services
// validate with, so the published contract and the checks can never drift apart. Only
// annotations (a description, an example, `format: date` for a refined string) are added by hand.

/** Keys that only annotate a schema: the hand-written notes may add these and nothing else. */
export const ANNOTATION_KEYS = ['description', 'format', 'default', 'examples'] as const;
type Annotation = Pick<JsonSchema, (typeof ANNOTATION_KEYS)[number]>;

/** A note on one parameter: what it means, an example, and annotations for its schema. */
export type ParameterNote = {
  description: string;
  example?: string | number | boolean;
  schema?: Annotation;
};

/** Drops `$schema` (a component is not a document of its own) at every depth. */
function withoutDialect(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDialect);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== '$schema')
      .map(([k, v]) => [k, withoutDialect(v)])
  );
}

/**
 * The JSON Schema (2020-12, OpenAPI 3.1's dialect) of what a zod schema accepts as input.
 * Preprocessing (digits read as numbers, `''` as absent) is not representable and is left out:
 * the schema says what a client should send.
 */
export function inputSchema(schema: z.ZodType): JsonSchema {
  return withoutDialect(
    z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' })
  ) as JsonSchema;
}

/** The query parameters of a zod object schema, in its own order, with the notes added. */
export function queryParameters(
  schema: z.ZodType,
  notes: Record<string, ParameterNote>
): Parameter[] {
  const object = inputSchema(schema);
  const stray = Object.keys(notes).filter((k) => !(k in (object.properties ?? {})));
  if (stray.length) throw new Error(`Notes on parameters the schema does not have: ${stray}`);
  return Object.entries(object.properties ?? {}).map(([name, s]) => {
    const note = notes[name];
    if (!note) throw new Error(`The query parameter ${name} has no description in the document.`);
    return {
      name,
      in: 'query',
      ...(object.required?.includes(name) ? { required: true } : {}),
      description: note.description,
      schema: { ...s, ...note.schema },
      ...(note.example !== undefined ? { example: note.example } : {})
    };
  });
}

/** A body schema from zod, with annotations added to named properties. */
export function bodySchema(
  schema: z.ZodType,
  description: string,
  notes: Record<string, Annotation> = {}
): JsonSchema {
  const object = inputSchema(schema);
  const properties = { ...object.properties };
  for (const [name, note] of Object.entries(notes)) {
    if (!properties[name]) throw new Error(`A note on a body field the schema lacks: ${name}`);
    properties[name] = { ...properties[name], ...note };
  }
  return { ...object, description, properties };
}
