import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importLoefte } from '../../../core/loefte-import';
import {
  corpusIds,
  expectedDocument,
  matchMeasures,
  ratchet,
  RATCHET_FILE,
  scoreDocument,
  scoreDraft,
  totals
} from './import-accuracy';

const recorded = ratchet.parse(JSON.parse(readFileSync(RATCHET_FILE, 'utf8')));

describe('the import corpus', () => {
  const ids = corpusIds();

  it('has a recorded score, a source address and a hand-made result for every document', () => {
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(recorded).sort()).toEqual(ids);
    for (const id of ids) {
      const want = expectedDocument.parse(
        JSON.parse(readFileSync(`test/fixtures/import-corpus/${id}.expected.json`, 'utf8'))
      );
      expect(want.measures.length, id).toBeGreaterThan(0);
      expect(want.source, id).toMatch(/^https?:\/\//);
    }
  });

  it.each(ids)('%s reads at least as well as recorded', async (id) => {
    const score = await scoreDocument(id);
    const was = recorded[id]!;
    expect(score.found, `${id}: found (missed: ${score.missed.join('; ')})`).toBeGreaterThanOrEqual(
      was.found
    );
    expect(
      score.invented.length,
      `${id}: invented (${score.invented.join('; ')})`
    ).toBeLessThanOrEqual(was.invented);
    expect(score.targetsRight, `${id}: targets right`).toBeGreaterThanOrEqual(was.targetsRight);
    if (was.periodRight) expect(score.periodRight, `${id}: period`).toBe(true);
  });
});

describe('scoring a draft', () => {
  const text = [
    'Medborgarlöfte 2024 för Exempelby',
    '',
    'Polisen lovar att:',
    '- Genomföra minst 4 trafikkontroller per månad vid skolorna.',
    '- Delta i föräldramöten.'
  ].join('\n');
  const { draft } = importLoefte(text, []);
  const want = expectedDocument.parse({
    source: 'https://example.org/x',
    read: '2026-12-04',
    style: 'test',
    period: ['2024-01-01', '2024-12-31'],
    measures: [
      {
        title: 'Genomföra minst 4 trafikkontroller vid skolorna',
        responsible: 'polisen',
        target: { count: 4, per: 'month' }
      },
      { title: 'Bjuda in till trygghetsvandring', responsible: 'kommunen', target: null }
    ]
  });

  it('counts found, missed, invented, targets, parties and the period', () => {
    const s = scoreDraft('x', draft, want);
    expect(s).toMatchObject({
      expected: 2,
      found: 1,
      missed: ['Bjuda in till trygghetsvandring'],
      invented: ['Delta i föräldramöten'],
      targetsLabelled: 1,
      targetsRight: 1,
      responsibleRight: 1,
      periodRight: true
    });
    expect(totals([s, s])).toMatchObject({ documents: 2, expected: 4, found: 2, invented: 2 });
  });

  it('pairs one imported measure with at most one expected measure', () => {
    const measures = draft.groups.flatMap((g) => g.measures);
    const twice = [want.measures[0]!, want.measures[0]!];
    expect([...matchMeasures(twice, measures).entries()]).toEqual([[0, 0]]);
  });
});
