import { z } from 'zod';

/**
 * The draft an imported medborgarlöfte becomes: every element carries the lines of the normalised
 * text it came from (1-based, inclusive). Nothing is resolved against the database here: parties
 * are keys with names, the municipality a code. docs/import-schema.json is generated from this.
 */
export const sourceLines = z
  .tuple([z.number().int().min(1), z.number().int().min(1)])
  .describe('First and last line (1-based, inclusive) in the normalised text');

const text = (what: string) =>
  z.object({ value: z.string().describe(what), lines: sourceLines.nullable() });

export const PARTY_KINDS = ['municipality', 'police', 'other'] as const;

export const importedParty = z.object({
  key: z.string().describe('Stable key within the draft, e.g. "polisen", "kommunen", "foreningar"'),
  name: z.string(),
  kind: z.enum(PARTY_KINDS),
  partyType: z.string().nullable().describe('A guess at the kind of party: school, council, …'),
  lines: sourceLines
});

export const importedMeasure = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  targetText: z.string().describe('The target words; empty when none was found (then reviewed)'),
  target: z
    .looseObject({ kind: z.string(), text: z.string() })
    .nullable()
    .describe('The target words through the target grammar (lib/core/target-parser.ts)'),
  responsible: z.string().nullable().describe('Party key of the responsible party'),
  parties: z.array(z.string()).describe('Party keys of every party taking part, responsible first'),
  focusAreaKeys: z.array(z.string()),
  confidence: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe(
      'How sure the importer is of the measure as read (1 = nothing to review; each review item about it lowers it)'
    ),
  lines: sourceLines
});

export const REVIEW_KINDS = ['uncertain', 'missing', 'conflict', 'unrecognised'] as const;

export const reviewItem = z.object({
  id: z.string(),
  kind: z.enum(REVIEW_KINDS),
  /** Where in the draft: "period", "measures.3.responsible", "unrecognised.0". */
  path: z.string(),
  message: z.string().describe('Plain Swedish: what is uncertain and what to check'),
  lines: sourceLines.nullable()
});

export const documentDraft = z.object({
  version: z.literal(1),
  title: text('The agreement title'),
  municipality: z.object({
    code: z.string().nullable().describe('Kommunkod (4 digits) when matched'),
    name: z.string().nullable(),
    lines: sourceLines.nullable()
  }),
  policeArea: z.object({
    name: z.string().nullable().describe('A named police area, e.g. "Lokalpolisområde Skellefteå"'),
    lines: sourceLines.nullable()
  }),
  period: z.object({
    start: z.string().nullable().describe('YYYY-MM-DD'),
    end: z.string().nullable().describe('YYYY-MM-DD'),
    untilReplaced: z.boolean().describe('"fram till dess att ett nytt … antas"'),
    text: z.string(),
    lines: sourceLines.nullable()
  }),
  preamble: text('Opening text before the first heading'),
  situationSummary: text('Gemensam lägesbild'),
  communication: text('Kommunikation'),
  planNote: text('Introduction to the measures'),
  parties: z.array(importedParty),
  focusAreas: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      description: z.string(),
      preventionTypes: z.array(z.enum(['social', 'situational', 'safety'])),
      specialAttention: z.string().nullable(),
      lines: sourceLines
    })
  ),
  effects: z.array(
    z.object({ title: z.string(), direction: z.enum(['increase', 'decrease']), lines: sourceLines })
  ),
  groups: z.array(
    z.object({ title: z.string(), lines: sourceLines, measures: z.array(importedMeasure) })
  ),
  outcomes: z
    .array(
      z.object({
        text: z.string(),
        measureKey: z
          .string()
          .nullable()
          .describe(
            'The measure the result reports on (matched by its words); null when none matched'
          ),
        lines: sourceLines
      })
    )
    .default([])
    .describe(
      'Results of a follow-up section ("Utfallet", "Resultat", "Så har det gått"): reported outcomes, never measures'
    ),
  unrecognised: z.array(z.object({ text: z.string(), lines: sourceLines })),
  review: z.array(reviewItem)
});

export type SourceLines = z.infer<typeof sourceLines>;
export type ImportedParty = z.infer<typeof importedParty>;
export type ImportedMeasure = z.infer<typeof importedMeasure>;
export type ReviewItem = z.infer<typeof reviewItem>;
export type DocumentDraft = z.infer<typeof documentDraft>;
