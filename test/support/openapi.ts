import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { HTTP_METHODS, type ResponseObject } from '../../src/lib/server/api/openapi-types';

/**
 * Checks values against the schemas of the OpenAPI document with Ajv (JSON Schema 2020-12,
 * OpenAPI 3.1's dialect), strictly: an unknown keyword in the document is an error.
 *
 *   const check = schemaChecker();
 *   expect(check('Activity', body)).toEqual([]);   // [] when it fits, else the problems
 */
export function schemaChecker(): (name: string, value: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addKeyword('discriminator'); // OpenAPI's annotation; oneOf already decides
  const defs = JSON.parse(
    JSON.stringify(openApiDocument.components.schemas).replaceAll(
      '#/components/schemas/',
      '#/$defs/'
    )
  );
  ajv.addSchema({ $id: 'urn:loften:api', $defs: defs });
  return (name, value) => {
    const check = ajv.getSchema(`urn:loften:api#/$defs/${name}`);
    if (!check) throw new Error(`No schema ${name}`);
    check(JSON.parse(JSON.stringify(value)));
    return (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

/**
 * The schema name the document gives an answer of `method path` with `status`, or null for an
 * answer without a body; throws when the document does not list that status for the operation.
 */
export function documentedAnswer(method: string, path: string, status: number): string | null {
  const m = method.toLowerCase() as (typeof HTTP_METHODS)[number];
  const op = openApiDocument.paths[path]?.[m];
  if (!op) throw new Error(`${method} ${path} is not in the document`);
  let r = op.responses[String(status)];
  if (!r) throw new Error(`${method} ${path} does not document ${status}`);
  if ('$ref' in r && r.$ref)
    r = openApiDocument.components.responses[r.$ref.split('/').pop()!] as ResponseObject;
  const schema = (r as ResponseObject).content?.['application/json'].schema;
  return schema?.$ref ? schema.$ref.split('/').pop()! : schema ? 'object' : null;
}
