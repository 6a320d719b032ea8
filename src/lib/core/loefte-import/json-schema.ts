import { z } from 'zod';
import { documentDraft } from './schema';

/** The JSON Schema of `loften import --json` (docs/import-schema.json), generated from the zod schema. */
export function documentDraftJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(documentDraft, { target: 'draft-2020-12' }),
    $id: 'https://loften.se/schemas/document-import-draft.json',
    title: 'Löften: an imported medborgarlöfte (draft for review)'
  };
}
