/**
 * How well the document importer reads the evaluation corpus (test/fixtures/import-corpus): for
 * every document, the measures found, missed and invented against a hand-made expected result,
 * and the targets read to the right count and period. Used by `npm run import:accuracy` and by
 * the ratchet test that keeps every document at least as good as recorded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DocumentDraft, ImportedMeasure } from '../../../core/loefte-import';
import { ValidationError } from '../shared/errors';
import { readLoefte } from './document-import.service';

export const CORPUS_DIR = 'test/fixtures/import-corpus';
export const RATCHET_FILE = join(CORPUS_DIR, 'accuracy.json');

const expectedTarget = z.union([
  z.object({ count: z.number().int().positive(), per: z.string() }),
  z.object({ kind: z.string() }),
  z.null()
]);

/** The hand-made expected result of one corpus document (`<id>.expected.json`). */
export const expectedDocument = z.object({
  source: z.string().url(),
  read: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  style: z.string(),
  format: z.enum(['text', 'docx', 'pdf']).optional(),
  period: z.tuple([z.string().nullable(), z.string().nullable()]),
  measures: z.array(
    z.object({ title: z.string(), responsible: z.string(), target: expectedTarget })
  ),
  outcomes: z.array(z.string()).optional()
});
export type ExpectedDocument = z.infer<typeof expectedDocument>;

export type DocumentScore = {
  id: string;
  expected: number;
  found: number;
  missed: string[];
  invented: string[];
  targetsLabelled: number;
  targetsRight: number;
  responsibleRight: number;
  periodRight: boolean;
  /** Why the importer refused the document, when it did. */
  refused?: string;
};

const STOP = new Set(
  'att och med för som den det ska skall kommer lovar samt till från mot kring under vid inom eller har hos'.split(
    ' '
  )
);
/** Content words, folded: what two phrasings of one measure share. */
export function words(s: string): Set<string> {
  return new Set(
    s
      .toLocaleLowerCase('sv')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 3 && !STOP.has(w))
  );
}

/** Share of the expected title's words found in the measure's title and description. */
function overlap(expected: Set<string>, m: ImportedMeasure): number {
  if (!expected.size) return 0;
  const got = words(`${m.title} ${m.description}`);
  let n = 0;
  for (const w of expected) if (got.has(w)) n++;
  return n / expected.size;
}

/** Pairs expected and found measures one to one, best overlap first (at least 60 %). */
export function matchMeasures(
  expected: ExpectedDocument['measures'],
  found: ImportedMeasure[]
): Map<number, number> {
  const pairs: { e: number; f: number; s: number }[] = [];
  expected.forEach((x, e) => {
    const w = words(x.title);
    found.forEach((m, f) => {
      const s = overlap(w, m);
      if (s >= 0.6) pairs.push({ e, f, s });
    });
  });
  pairs.sort((a, b) => b.s - a.s || a.e - b.e || a.f - b.f);
  const byExpected = new Map<number, number>();
  const usedFound = new Set<number>();
  for (const p of pairs) {
    if (byExpected.has(p.e) || usedFound.has(p.f)) continue;
    byExpected.set(p.e, p.f);
    usedFound.add(p.f);
  }
  return byExpected;
}

/** Whether the period is one calendar year: then "per year" and "over the period" are the same. */
const yearly = (p: ExpectedDocument['period']) =>
  !!p[0] && !!p[1] && p[0].endsWith('-01-01') && p[1] === `${p[0].slice(0, 4)}-12-31`;

function targetRight(
  want: ExpectedDocument['measures'][number]['target'],
  m: ImportedMeasure,
  period: ExpectedDocument['period']
) {
  const t = m.target as { kind: string; count?: number; per?: string } | null;
  if (!want || !t) return false;
  if (!('count' in want)) return t.kind === want.kind;
  const same = (a: string, b: string) =>
    a === b || (yearly(period) && [a, b].every((x) => x === 'year' || x === 'period'));
  return t.kind === 'count' && t.count === want.count && same(t.per ?? '', want.per);
}

/** Scores one draft against its expected result. */
export function scoreDraft(
  id: string,
  draft: DocumentDraft,
  want: ExpectedDocument
): DocumentScore {
  const found = draft.groups.flatMap((g) => g.measures);
  const match = matchMeasures(want.measures, found);
  const matched = new Set(match.values());
  let targetsLabelled = 0;
  let targetsRight = 0;
  let responsibleRight = 0;
  want.measures.forEach((x, e) => {
    const f = match.get(e);
    const m = f === undefined ? null : found[f]!;
    if (x.target) {
      targetsLabelled++;
      if (m && targetRight(x.target, m, want.period)) targetsRight++;
    }
    if (m && m.responsible === x.responsible) responsibleRight++;
  });
  return {
    id,
    expected: want.measures.length,
    found: match.size,
    missed: want.measures.filter((_, e) => !match.has(e)).map((x) => x.title),
    invented: found.filter((_, f) => !matched.has(f)).map((m) => m.title),
    targetsLabelled,
    targetsRight,
    responsibleRight,
    periodRight: draft.period.start === want.period[0] && draft.period.end === want.period[1]
  };
}

/** The ids of the corpus documents, in name order. */
export function corpusIds(dir = CORPUS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace(/\.expected\.json$/, ''))
    .sort();
}

/** Reads one corpus document the way `loften import` does, and scores it. */
export async function scoreDocument(id: string, dir = CORPUS_DIR): Promise<DocumentScore> {
  const want = expectedDocument.parse(
    JSON.parse(readFileSync(join(dir, `${id}.expected.json`), 'utf8'))
  );
  const file = want.format && want.format !== 'text' ? `${id}.${want.format}` : `${id}.txt`;
  if (!existsSync(join(dir, file))) throw new Error(`${file} saknas i ${dir}`);
  try {
    const { draft } = await readLoefte({
      fileName: file,
      bytes: new Uint8Array(readFileSync(join(dir, file)))
    });
    return scoreDraft(id, draft, want);
  } catch (e) {
    // A document refused as "not a medborgarlöfte" has every measure missed.
    if (!(e instanceof ValidationError)) throw e;
    return {
      id,
      expected: want.measures.length,
      found: 0,
      missed: want.measures.map((x) => x.title),
      invented: [],
      targetsLabelled: want.measures.filter((x) => x.target).length,
      targetsRight: 0,
      responsibleRight: 0,
      periodRight: false,
      refused: e.message
    };
  }
}

export type CorpusTotals = {
  documents: number;
  expected: number;
  found: number;
  invented: number;
  targetsLabelled: number;
  targetsRight: number;
  responsibleRight: number;
  periodsRight: number;
};

export function totals(scores: DocumentScore[]): CorpusTotals {
  return scores.reduce<CorpusTotals>(
    (t, s) => ({
      documents: t.documents + 1,
      expected: t.expected + s.expected,
      found: t.found + s.found,
      invented: t.invented + s.invented.length,
      targetsLabelled: t.targetsLabelled + s.targetsLabelled,
      targetsRight: t.targetsRight + s.targetsRight,
      responsibleRight: t.responsibleRight + s.responsibleRight,
      periodsRight: t.periodsRight + (s.periodRight ? 1 : 0)
    }),
    {
      documents: 0,
      expected: 0,
      found: 0,
      invented: 0,
      targetsLabelled: 0,
      targetsRight: 0,
      responsibleRight: 0,
      periodsRight: 0
    }
  );
}

const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)} %` : '–');

/** The Markdown table docs/IMPORT.md keeps. */
export function accuracyTable(scores: DocumentScore[]): string {
  const rows = [
    '| Document | Measures | Found | Missed | Invented | Targets right | Responsible right | Period |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...scores.map(
      (s) =>
        `| ${s.id} | ${s.expected} | ${s.found} | ${s.missed.length} | ${s.invented.length} | ${s.targetsRight}/${s.targetsLabelled} | ${s.responsibleRight}/${s.expected} | ${s.periodRight ? 'yes' : 'no'} |`
    )
  ];
  const t = totals(scores);
  rows.push(
    `| **Total (${t.documents})** | ${t.expected} | ${t.found} (${pct(t.found, t.expected)}) | ${t.expected - t.found} | ${t.invented} | ${t.targetsRight}/${t.targetsLabelled} (${pct(t.targetsRight, t.targetsLabelled)}) | ${t.responsibleRight}/${t.expected} (${pct(t.responsibleRight, t.expected)}) | ${t.periodsRight}/${t.documents} |`
  );
  return rows.join('\n');
}

/** What the ratchet records per document: never fewer found or right, never more invented. */
export const ratchet = z.record(
  z.string(),
  z.object({
    found: z.number().int(),
    invented: z.number().int(),
    targetsRight: z.number().int(),
    periodRight: z.boolean()
  })
);
export type Ratchet = z.infer<typeof ratchet>;

export const ratchetOf = (scores: DocumentScore[]): Ratchet =>
  Object.fromEntries(
    scores.map((s) => [
      s.id,
      {
        found: s.found,
        invented: s.invented.length,
        targetsRight: s.targetsRight,
        periodRight: s.periodRight
      }
    ])
  );
