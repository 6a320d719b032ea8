import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../reference/sweden';
import {
  documentDraft,
  importLoefte,
  NotALoefteError,
  type DocumentDraft
} from '../../../core/loefte-import';
import { findPeriods, choosePeriod } from '../../../core/loefte-import/period';

const fixture = (name: string) => readFileSync(`test/fixtures/loften/${name}`, 'utf8');
const run = (text: string) => importLoefte(text, MUNICIPALITIES);
const measures = (d: DocumentDraft) => d.groups.flatMap((g) => g.measures);

/** Every measure is either complete or named in a review item: nothing lost, nothing invented. */
function expectCompleteOrReviewed(d: DocumentDraft) {
  measures(d).forEach((m, i) => {
    const paths = d.review.filter((r) => r.path.startsWith(`measures.${i}.`)).map((r) => r.path);
    if (!m.targetText) expect(paths).toContain(`measures.${i}.target`);
    if (!m.responsible) expect(paths).toContain(`measures.${i}.responsible`);
    if (m.target?.kind === 'unparsed') expect(paths).toContain(`measures.${i}.target`);
  });
}

describe('importing the text of a medborgarlöfte', () => {
  it('gives every element the lines it came from, and the text they point to holds its words', () => {
    const { text, draft } = run(fixture('jarfalla-2024.txt'));
    const lines = text.split('\n');
    expect(documentDraft.parse(draft)).toEqual(draft);
    for (const m of measures(draft)) {
      const [from, to] = m.lines;
      const source = lines.slice(from - 1, to).join(' ');
      expect(source.toLowerCase(), m.title).toContain(m.title.slice(0, 20).toLowerCase());
    }
    for (const f of draft.focusAreas) expect(lines[f.lines[0] - 1]).toContain(f.title);
    expect(lines[draft.period.lines![0] - 1]).toContain('gäller från 1 januari 2024');
  });

  it('reads a Stockholm-suburb style: "Polisen lovar att:" lists, "Fokusområde:" headings', () => {
    const { draft } = run(fixture('jarfalla-2024.txt'));
    expect(draft.municipality).toMatchObject({ code: '0123', name: 'Järfälla' });
    expect(draft.policeArea.name).toBe('Lokalpolisområde Järfälla');
    expect(draft.period).toMatchObject({ start: '2024-01-01', end: '2025-12-31' });
    expect(draft.focusAreas.map((f) => f.title)).toEqual([
      'Trygghet i centrummiljöer',
      'Unga i riskzon'
    ]);
    const ms = measures(draft);
    expect(ms).toHaveLength(8);
    expect(ms[0]).toMatchObject({
      title: 'Genomföra minst 8 trygghetsskapande patrulleringar per månad i Jakobsbergs centrum',
      responsible: 'polisen',
      target: { kind: 'count', count: 8, per: 'month' },
      focusAreaKeys: ['trygghet']
    });
    expect(ms[4]).toMatchObject({
      responsible: 'polisen',
      parties: ['polisen', 'kommunen', 'bostadsbolagen', 'foreningar']
    });
    expect(ms[7]).toMatchObject({
      responsible: 'kommunen',
      parties: ['kommunen', 'polisen', 'socialtjansten', 'skolan']
    });
    // Not invented: no target for "åtgärda brister", nobody named for the field workers.
    expect(ms[3]).toMatchObject({ targetText: '', target: null });
    expect(ms[6]).toMatchObject({ responsible: null, parties: [] });
    // "minst 1 gång per termin" is read since per termin is in the grammar (issue 13, item 5).
    expect(ms[5]).toMatchObject({
      target: {
        kind: 'count',
        count: 1,
        per: 'term',
        perUnit: { label: 'årskurs', values: ['7', '8', '9'] }
      }
    });
    expect(draft.review.map((r) => [r.kind, r.path])).toEqual([
      ['missing', 'measures.6.responsible'],
      ['missing', 'measures.3.target']
    ]);
    expect(draft.effects.map((e) => e.direction)).toEqual(['increase', 'decrease']);
    expectCompleteOrReviewed(draft);
  });

  it('reads a table layout "Aktivitet | Ansvarig | Mål | Samverkan"', () => {
    const { draft } = run(fixture('gavle-2023.txt'));
    expect(draft.municipality.code).toBe('2180');
    expect(draft.period).toMatchObject({
      start: '2023-01-01',
      end: '2024-12-31',
      text: 'Medborgarlöftet gäller 2023–2024'
    });
    expect(draft.focusAreas.map((f) => f.key)).toEqual(['tillgrepp', 'trygghet', 'trafik']);
    const ms = measures(draft);
    expect(ms).toHaveLength(8);
    expect(ms.filter((m) => m.target && m.target.kind !== 'unparsed')).toHaveLength(7);
    expect(ms.every((m) => m.responsible && m.focusAreaKeys.length === 1)).toBe(true);
    expect(ms[0]).toMatchObject({
      title: 'Informera om grannsamverkan på bostadsmöten',
      responsible: 'kommunen',
      parties: ['kommunen', 'polisen', 'bostadsbolagen'],
      target: { kind: 'count', count: 4, per: 'year' }
    });
    expect(draft.review).toEqual([
      expect.objectContaining({ kind: 'uncertain', path: 'measures.5.target', lines: [29, 29] })
    ]);
    expectCompleteOrReviewed(draft);
  });

  it('reads numbered focus areas with "Åtgärd:", "Mål:", "Ansvarig:", "Samverkanspartners:" and reports contradictions', () => {
    const { draft } = run(fixture('lulea-2020.txt'));
    expect(draft.period).toMatchObject({
      start: '2020-01-01',
      end: '2021-12-31',
      untilReplaced: true
    });
    expect(draft.focusAreas.map((f) => [f.key, f.title])).toEqual([
      ['trygghet', 'Trygg offentlig miljö'],
      ['narkotika', 'Narkotika bland unga']
    ]);
    const ms = measures(draft);
    expect(ms).toHaveLength(5);
    expect(ms.every((m) => m.target && m.target.kind !== 'unparsed')).toBe(true);
    expect(ms[0]).toMatchObject({
      responsible: 'kommunen',
      parties: ['kommunen', 'polisen', 'lulea-energi', 'fastighetsagare']
    });
    const kinds = draft.review.map((r) => [r.kind, r.path]);
    expect(kinds).toContainEqual(['conflict', 'measures.2.responsible']);
    expect(kinds).toContainEqual(['uncertain', 'measures.3.responsible']);
    // The signatures are kept as text for review, not dropped.
    expect(draft.unrecognised[0]?.text).toContain('Anna Andersson');
    expect(kinds).toContainEqual(['unrecognised', 'unrecognised.0']);
  });

  it('reads the Norsjö seed with its 14 measures and reports its two periods', () => {
    const { draft } = run(readFileSync('data/reference/norsjo-medborgarloften-2019.txt', 'utf8'));
    expect(measures(draft)).toHaveLength(14);
    expect(draft.review).toEqual([
      expect.objectContaining({ kind: 'conflict', path: 'period', lines: [19, 19] })
    ]);
  });
});

describe('the municipality', () => {
  it('is found folded in its official form anywhere, and several are reviewed', () => {
    const { draft } = run(
      'MEDBORGARLÖFTE\n\nNORSJO KOMMUNS och polisens löfte. Även Skellefteå kommun deltar.\n\nVi lovar\n\nPolisen lovar att:\n– göra 2 trygghetsvandringar per år'
    );
    expect(draft.municipality).toEqual({ code: '2417', name: 'Norsjö', lines: [3, 3] });
    expect(draft.review.find((r) => r.path === 'municipality')?.message).toContain(
      'Flera kommuner nämns (Norsjö, Skellefteå)'
    );
  });
});

describe('periods in words', () => {
  const period = (s: string) => choosePeriod(findPeriods([{ n: 1, text: s }]));
  it.each([
    ['Avtalet löper på fyra år med början 1/1 2019.', '2019-01-01', '2022-12-31'],
    ['Löftet gäller från 1 januari 2020 till 31 december 2021.', '2020-01-01', '2021-12-31'],
    ['Medborgarlöftet gäller fr.o.m. 2024-03-01 t.o.m. 2025-02-28.', '2024-03-01', '2025-02-28'],
    ['Medborgarlöfte 2019–2021', '2019-01-01', '2021-12-31'],
    ['Medborgarlöfte 2024', '2024-01-01', '2024-12-31'],
    ['Medborgarlöften för år 2025 i Malå', '2025-01-01', '2025-12-31']
  ])('%s', (s, start, end) => {
    expect(period(s).chosen).toMatchObject({ start, end });
  });
  it('keeps "fram till dess att ett nytt löfte antas" without an end', () => {
    expect(
      period('Löftet gäller från 1 mars 2022 och fram till dess att ett nytt löfte antas.').chosen
    ).toMatchObject({
      start: '2022-03-01',
      end: null,
      untilReplaced: true
    });
  });
});

describe('texts that are not a medborgarlöfte', () => {
  it('refuses empty text and a text without focus areas or measures, in Swedish', () => {
    expect(() => run('  \n\n ')).toThrow(NotALoefteError);
    expect(() => run('Inköpslista\n\nMjölk, bröd och ost.\n\nGlöm inte kaffet.')).toThrow(
      /inte ut som ett medborgarlöfte/
    );
  });
  it('refuses more than 20 000 lines', () => {
    expect(() => run('rad\n'.repeat(20_001))).toThrow(/20001 rader; högst 20000/);
  });
});
