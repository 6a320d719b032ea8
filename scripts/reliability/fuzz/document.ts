/**
 * The OpenAPI document as the server serves it: its operations, `$ref` resolution, and a check
 * of an answer against it (the status is one the operation declares, the media type is one the
 * status declares, and a JSON body validates with Ajv against the declared schema, strictly).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type {
  JsonSchema,
  OpenApiDocument,
  Operation,
  Parameter,
  ResponseObject
} from '../../../src/lib/server/api/openapi-types';
import { HTTP_METHODS } from '../../../src/lib/server/api/openapi-types';

export type FuzzOperation = {
  method: string;
  path: string;
  id: string;
  parameters: Parameter[];
  body: JsonSchema | null;
  /** Needs a token or session (the document's security has no `{}`). */
  signedIn: boolean;
  responses: Record<string, ResponseObject>;
};

const SCHEMAS = '#/components/schemas/';

export async function fetchDocument(baseUrl: string): Promise<OpenApiDocument> {
  const res = await fetch(new URL('/api/v1/openapi.json', baseUrl));
  if (!res.ok) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
  return (await res.json()) as OpenApiDocument;
}

/** Follows a `$ref` to a schema of the document (once; nested refs are followed as needed). */
export function resolver(doc: OpenApiDocument): (s: JsonSchema) => JsonSchema {
  return (s) => {
    let cur = s;
    for (let i = 0; cur.$ref && i < 10; i++) {
      const target = doc.components.schemas[cur.$ref.slice(SCHEMAS.length)];
      if (!cur.$ref.startsWith(SCHEMAS) || !target) throw new Error(`Unknown $ref ${cur.$ref}`);
      cur = target;
    }
    return cur;
  };
}

/** Every operation of the document, with parameters and responses resolved. */
export function operations(doc: OpenApiDocument): FuzzOperation[] {
  const ref = <T>(x: T | { $ref: string }, bag: Record<string, T>): T =>
    x && typeof x === 'object' && '$ref' in x && typeof x.$ref === 'string'
      ? bag[x.$ref.split('/').pop()!]!
      : (x as T);
  const out: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of HTTP_METHODS) {
      const o: Operation | undefined = item[method];
      if (!o) continue;
      out.push({
        method: method.toUpperCase(),
        path,
        id: o.operationId,
        parameters: (o.parameters ?? []).map((p) => ref(p, doc.components.parameters)),
        body: o.requestBody?.content['application/json'].schema ?? null,
        signedIn: !o.security.some((r) => Object.keys(r).length === 0) && o.security.length > 0,
        responses: Object.fromEntries(
          Object.entries(o.responses).map(([k, v]) => [k, ref(v, doc.components.responses)])
        )
      });
    }
  return out;
}

/** A checker of answers against the document; returns the problems, [] when it fits. */
export function answerChecker(
  doc: OpenApiDocument
): (op: FuzzOperation, status: number, contentType: string | null, body: string) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addKeyword('discriminator');
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll(SCHEMAS, '#/$defs/'));
  ajv.addSchema({ $id: 'urn:loften:fuzz', $defs: defs });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const validatorOf = (schema: JsonSchema) => {
    const key = JSON.stringify(schema);
    let v = compiled.get(key);
    if (!v) {
      const s = JSON.parse(key.replaceAll(SCHEMAS, 'urn:loften:fuzz#/$defs/'));
      v = ajv.compile(s);
      compiled.set(key, v);
    }
    return v;
  };
  return (op, status, contentType, body) => {
    const declared = op.responses[String(status)];
    if (!declared)
      return [
        `status ${status} is not declared (declared: ${Object.keys(op.responses).join(', ')})`
      ];
    const media = contentType?.split(';')[0]!.trim().toLowerCase() ?? null;
    const content = declared.content as Record<string, { schema: JsonSchema }> | undefined;
    if (!content) return body === '' ? [] : [`${status} declares no body, got ${media}`];
    if (!media) return [`${status} declares a body, got none`];
    const entry = content[media];
    if (!entry)
      return [`${status} answered ${media}; declared: ${Object.keys(content).join(', ')}`];
    if (!/json$/.test(media)) return [];
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return [`${status} ${media} is not JSON: ${body.slice(0, 100)}`];
    }
    const validate = validatorOf(entry.schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${status} body ${e.instancePath} ${e.message}`);
  };
}
