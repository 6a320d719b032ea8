import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { documentDraftJsonSchema } from '../../../core/loefte-import/json-schema';

const PATH = 'docs/import-schema.json';

describe('docs/import-schema.json', () => {
  it('is the JSON Schema of the zod schema (regenerate: UPDATE_IMPORT_SCHEMA=1 npx vitest run src/lib/server/services/document-import-schema.test.ts)', async () => {
    // Written as Prettier writes JSON, so `prettier --check docs` agrees.
    const generated = await format(JSON.stringify(documentDraftJsonSchema()), {
      ...(await resolveConfig(PATH)),
      filepath: PATH
    });
    if (process.env.UPDATE_IMPORT_SCHEMA === '1') writeFileSync(PATH, generated);
    expect(readFileSync(PATH, 'utf8')).toBe(generated);
  });
});
