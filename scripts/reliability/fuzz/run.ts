/**
 * The fuzzer: for every operation of the served OpenAPI document, fast-check generates requests
 * (valid and invalid parameters and bodies, anonymous, with a reporter's token and with a token
 * that does not exist), sends them over HTTP, and checks each answer: never a 5xx, a declared
 * status, a declared media type, and a JSON body that validates against the declared schema.
 */
import fc from 'fast-check';
import type { Parameter } from '../../../src/lib/server/api/openapi-types';
import { answerChecker, fetchDocument, operations, resolver, type FuzzOperation } from './document';
import { hostileString, invalidValue, validValue, type Hints, type Resolve } from './values';

export type FuzzOptions = {
  baseUrl: string;
  runs: number;
  seed: number;
  /** A reporter's API token, for the write endpoints. */
  token: string;
  hints: Hints;
  /** Only operations whose id matches. */
  only?: RegExp;
};

export type OperationResult = {
  id: string;
  method: string;
  path: string;
  requests: number;
  statuses: Record<string, number>;
  /** The shrunk counterexample and what was wrong, when it failed. */
  failure: string | null;
};

type FuzzRequest = {
  auth: 'anonymous' | 'token' | 'unknown-token';
  path: string;
  query: [string, string][];
  body?: { raw: string } | { json: unknown };
};

/** URL parts stay under Node's header limit: 431 is Node's answer, not the app's. */
const urlString = hostileString.map((s) => s.slice(0, 2000));

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** A parameter's value; a path parameter's hints are those of its resource (`walks.id`). */
function paramValue(p: Parameter, resolve: Resolve, hints: Hints, path = ''): fc.Arbitrary<string> {
  const resource = p.in === 'path' ? new RegExp(`([^/]+)/\\{${p.name}\\}`).exec(path)?.[1] : null;
  const name = resource && hints[`${resource}.${p.name}`] ? `${resource}.${p.name}` : p.name;
  return fc.oneof(
    { weight: 5, arbitrary: validValue(p.schema, resolve, hints, name).map(asText) },
    { weight: 1, arbitrary: urlString }
  );
}

function requestOf(op: FuzzOperation, resolve: Resolve, hints: Hints): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  // A path value that is empty, '.' or '..' makes another path (the URL collapses it), not a
  // request to this operation: '' and dot segments are left out, every other string goes.
  const segment = (p: Parameter) =>
    paramValue(p, resolve, hints, op.path).filter((v) => !['', '.', '..'].includes(v));
  const path = fc
    .tuple(...pathParams.map(segment))
    .map((values) =>
      pathParams.reduce(
        (acc, p, i) => acc.replace(`{${p.name}}`, encodeURIComponent(values[i]!)),
        op.path
      )
    );
  const query = fc
    .tuple(
      fc.tuple(
        ...queryParams.map((p) =>
          fc.option(
            paramValue(p, resolve, hints).map((v): [string, string] => [p.name, v]),
            { freq: 3 }
          )
        )
      ),
      // Now and then an unknown parameter, or one of them given twice.
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        fc.oneof(
          fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), urlString),
          ...(queryParams.length
            ? [fc.tuple(fc.constantFrom(...queryParams.map((p) => p.name)), urlString)]
            : [])
        )
      )
    )
    .map(([given, extra]) => [
      ...given.filter((x): x is [string, string] => x !== null),
      ...(extra ? [extra] : [])
    ]);
  const body = op.body
    ? fc.oneof(
        { weight: 3, arbitrary: validValue(op.body, resolve, hints).map((json) => ({ json })) },
        { weight: 2, arbitrary: invalidValue(op.body, resolve, hints).map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.oneof(urlString, fc.constant('')).map((raw) => ({ raw })) }
      )
    : fc.constant(undefined);
  const auth = fc.oneof(
    { weight: 3, arbitrary: fc.constant('token' as const) },
    { weight: 2, arbitrary: fc.constant('anonymous' as const) },
    { weight: 1, arbitrary: fc.constant('unknown-token' as const) }
  );
  return fc
    .record({ auth, path, query, body })
    .map((r) => (r.body === undefined ? { auth: r.auth, path: r.path, query: r.query } : r));
}

async function send(o: FuzzOptions, op: FuzzOperation, r: FuzzRequest) {
  const url = new URL(r.path, o.baseUrl);
  for (const [k, v] of r.query) url.searchParams.append(k, v);
  const headers: Record<string, string> = { accept: 'application/json', origin: o.baseUrl };
  if (r.auth === 'token') headers.authorization = `Bearer ${o.token}`;
  if (r.auth === 'unknown-token') headers.authorization = 'Bearer lft_unknown0000000000000000';
  let body: string | undefined;
  if (r.body) {
    headers['content-type'] = 'application/json';
    body = 'raw' in r.body ? r.body.raw : JSON.stringify(r.body.json);
  }
  const res = await fetch(url, { method: op.method, headers, body, redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** Runs every operation; the results in document order. */
export async function runFuzz(
  o: FuzzOptions,
  log: (line: string) => void = () => {}
): Promise<OperationResult[]> {
  const doc = await fetchDocument(o.baseUrl);
  const resolve = resolver(doc);
  const check = answerChecker(doc);
  const results: OperationResult[] = [];
  for (const op of operations(doc)) {
    if (o.only && !o.only.test(op.id)) continue;
    const result: OperationResult = {
      id: op.id,
      method: op.method,
      path: op.path,
      requests: 0,
      statuses: {},
      failure: null
    };
    const property = fc.asyncProperty(requestOf(op, resolve, o.hints), async (r) => {
      const answer = await send(o, op, r);
      result.requests++;
      result.statuses[answer.status] = (result.statuses[answer.status] ?? 0) + 1;
      const problems = answer.status >= 500 ? [`${answer.status}: a server error`] : [];
      problems.push(...check(op, answer.status, answer.type, answer.text));
      if (problems.length)
        throw new Error(`${problems.join('; ')}\n  answer: ${answer.text.slice(0, 300)}`);
    });
    const out = await fc.check(property, { numRuns: o.runs, seed: o.seed });
    if (out.failed)
      result.failure =
        `${op.method} ${op.path}: ${JSON.stringify(out.counterexample?.[0]).slice(0, 600)}\n` +
        `  seed ${out.seed}, path "${out.counterexamplePath}", shrunk ${out.numShrinks} times\n` +
        `  ${out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)}`;
    log(formatResult(result));
    results.push(result);
  }
  return results;
}

export function formatResult(r: OperationResult): string {
  const statuses = Object.entries(r.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  const head = `${r.failure ? 'FAIL' : 'ok  '} ${r.id.padEnd(30)} ${String(r.requests).padStart(5)} requests  ${statuses}`;
  return r.failure ? `${head}\n  ${r.failure}` : head;
}
