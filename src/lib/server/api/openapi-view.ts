import type {
  JsonSchema,
  OpenApiDocument,
  Operation,
  Parameter,
  ResponseObject,
  SecurityRequirement
} from './openapi-types';
import { HTTP_METHODS } from './openapi-types';

// The OpenAPI document as a readable page (/api): plain data the page renders as HTML on the
// server, so the documentation is served by the product itself, without JavaScript or a CDN.

/** A run of text; `code` when the document wrote it in backticks. */
export type Span = { text: string; code?: true };
/** A part of a type: a word, or a link to a schema on the page. */
export type TypePart = { text: string; href?: string };

export type ParameterView = {
  name: string;
  in: string;
  required: boolean;
  type: TypePart[];
  rules: string[];
  description: Span[];
  example?: string;
};
export type ResponseView = { status: string; description: Span[]; type: TypePart[] | null };
export type OperationView = {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: Span[][];
  access: string;
  parameters: ParameterView[];
  body: { description: Span[]; required: boolean; type: TypePart[] } | null;
  responses: ResponseView[];
};
export type PropertyView = {
  name: string;
  required: boolean;
  type: TypePart[];
  rules: string[];
  description: Span[];
};
export type SchemaView = {
  name: string;
  anchor: string;
  description: Span[];
  type: TypePart[];
  rules: string[];
  properties: PropertyView[];
};
export type ApiView = {
  title: string;
  version: string;
  intro: Span[][];
  servers: { url: string; description: string }[];
  security: { name: string; how: string; description: Span[] }[];
  groups: { tag: string; description: Span[]; operations: OperationView[] }[];
  schemas: SchemaView[];
};

/** Text with `code` runs, as the document writes it. */
export function spans(text = ''): Span[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((s) => s !== '')
    .map((s) => (/^`.+`$/.test(s) ? { text: s.slice(1, -1), code: true } : { text: s }));
}
const paragraphs = (text = '') =>
  text
    .split(/\n\n+/)
    .filter((p) => p.trim())
    .map(spans);

const schemaAnchor = (name: string) => `schema-${name}`;
const refName = (ref: string) => ref.split('/').pop()!;
const resolve = <T>(doc: OpenApiDocument, node: T | { $ref: string }, kind: string): T => {
  if (node && typeof node === 'object' && '$ref' in node && typeof node.$ref === 'string') {
    const table = (doc.components as unknown as Record<string, Record<string, T>>)[kind];
    const found = table?.[refName(node.$ref)];
    if (!found) throw new Error(`Unresolved ${node.$ref}`);
    return found;
  }
  return node as T;
};

const join = (parts: TypePart[][], word: string): TypePart[] =>
  parts.flatMap((p, i) => (i === 0 ? p : [{ text: ` ${word} ` }, ...p]));

/** A schema's type in words, with links to named schemas. */
export function typeOf(s: JsonSchema): TypePart[] {
  if (s.$ref) return [{ text: refName(s.$ref), href: `#${schemaAnchor(refName(s.$ref))}` }];
  if (s.oneOf ?? s.anyOf) return join((s.oneOf ?? s.anyOf)!.map(typeOf), 'eller');
  if (s.const !== undefined) return [{ text: JSON.stringify(s.const) }];
  const types = [s.type ?? []].flat();
  if (!types.length) return [{ text: 'valfritt värde' }];
  return join(
    types.map((t): TypePart[] => {
      if (t === 'array') return [{ text: 'lista av ' }, ...(s.items ? typeOf(s.items) : [])];
      if (t === 'object' && typeof s.additionalProperties === 'object')
        return [{ text: 'objekt med värden av typen ' }, ...typeOf(s.additionalProperties)];
      return [{ text: t !== 'null' && s.format ? `${t} (${s.format})` : t }];
    }),
    'eller'
  );
}

/** A schema's constraints in words (Swedish). */
export function rulesOf(s: JsonSchema): string[] {
  const out: string[] = [];
  if (s.enum) out.push(`en av: ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (s.minimum !== undefined) out.push(`minst ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER)
    out.push(`högst ${s.maximum}`);
  if (s.minLength !== undefined) out.push(`minst ${s.minLength} tecken`);
  if (s.maxLength !== undefined) out.push(`högst ${s.maxLength} tecken`);
  if (s.minItems !== undefined) out.push(`minst ${s.minItems} st.`);
  if (s.maxItems !== undefined) out.push(`högst ${s.maxItems} st.`);
  if (s.pattern) out.push(`mönster ${s.pattern}`);
  if (s.default !== undefined) out.push(`standard ${JSON.stringify(s.default)}`);
  if (s.additionalProperties === false && s.properties) out.push('inga andra fält');
  return out;
}

const ACCESS_WORDS: Record<string, string> = {
  bearerToken: 'API-nyckel (Authorization: Bearer …)',
  sessionCookie: 'inloggad session'
};
/** Who may call an operation, in words. */
export function accessOf(security: SecurityRequirement[]): string {
  if (!security.length) return 'Öppen för alla, ingen inloggning.';
  const ways = security.map((r) =>
    Object.keys(r).length === 0
      ? null
      : Object.keys(r)
          .map((k) => ACCESS_WORDS[k] ?? k)
          .join(' och ')
  );
  const named = ways.filter((w): w is string => w !== null);
  return ways.includes(null)
    ? `Öppen för alla; med ${named.join(' eller ')} visas mer.`
    : `Kräver ${named.join(' eller ')}.`;
}

function operationView(
  doc: OpenApiDocument,
  path: string,
  method: string,
  op: Operation
): OperationView {
  const content = (r: ResponseObject) => r.content?.['application/json']?.schema;
  return {
    anchor: op.operationId,
    method: method.toUpperCase(),
    path,
    summary: op.summary,
    description: paragraphs(op.description),
    access: accessOf(op.security),
    parameters: (op.parameters ?? []).map((p) => {
      const param = resolve<Parameter>(doc, p, 'parameters');
      return {
        name: param.name,
        in: param.in === 'path' ? 'sökväg' : param.in === 'query' ? 'fråga' : param.in,
        required: !!param.required,
        type: typeOf(param.schema),
        rules: rulesOf(param.schema),
        description: spans(param.description),
        ...(param.example !== undefined ? { example: String(param.example) } : {})
      };
    }),
    body: op.requestBody
      ? {
          description: spans(op.requestBody.description),
          required: op.requestBody.required,
          type: typeOf(op.requestBody.content['application/json'].schema)
        }
      : null,
    responses: Object.entries(op.responses)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, r]) => {
        const response = resolve<ResponseObject>(doc, r, 'responses');
        const schema = content(response);
        return {
          status,
          description: spans(response.description),
          type: schema ? typeOf(schema) : null
        };
      })
  };
}

function schemaView(name: string, s: JsonSchema): SchemaView {
  const required = new Set(s.required ?? []);
  return {
    name,
    anchor: schemaAnchor(name),
    description: spans(s.description),
    type: typeOf({ ...s, description: undefined }),
    rules: rulesOf(s),
    properties: Object.entries(s.properties ?? {}).map(([prop, p]) => ({
      name: prop,
      required: required.has(prop),
      type: typeOf(p),
      rules: rulesOf(p),
      description: spans(p.description)
    }))
  };
}

/** The document as a page: operations grouped by tag, then every schema. */
export function describeApi(doc: OpenApiDocument): ApiView {
  const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((m) => (item[m] ? [operationView(doc, path, m, item[m])] : []))
  );
  const tagOf = (o: OperationView) =>
    doc.paths[o.path]![o.method.toLowerCase() as (typeof HTTP_METHODS)[number]]!.tags[0];
  return {
    title: doc.info.title,
    version: doc.info.version,
    intro: paragraphs(doc.info.description),
    servers: doc.servers,
    security: Object.entries(doc.components.securitySchemes).map(([name, s]) => ({
      name,
      how:
        s.type === 'http'
          ? `HTTP-huvudet Authorization: Bearer <nyckel>`
          : `kakan ${s.name} (${s.in === 'cookie' ? 'cookie' : 'huvud'})`,
      description: spans(s.description)
    })),
    groups: doc.tags
      .map((t) => ({
        tag: t.name,
        description: spans(t.description),
        operations: ops.filter((o) => tagOf(o) === t.name)
      }))
      .filter((g) => g.operations.length),
    schemas: Object.entries(doc.components.schemas)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, s]) => schemaView(name, s))
  };
}
