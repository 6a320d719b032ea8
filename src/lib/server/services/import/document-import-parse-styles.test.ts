import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../reference/sweden';
import {
  documentDraft,
  importLoefte,
  NotALoefteError,
  type DocumentDraft
} from '../../../core/loefte-import';

const fixture = (name: string) => readFileSync(`test/fixtures/loften/${name}`, 'utf8');
const run = (text: string) => importLoefte(text, MUNICIPALITIES).draft;
const measures = (d: DocumentDraft) => d.groups.flatMap((g) => g.measures);
/** Each measure as [responsible, parties, target kind, target words, focus areas]. */
const rows = (d: DocumentDraft) =>
  measures(d).map((m) => [
    m.responsible,
    m.parties,
    m.target?.kind ?? null,
    m.targetText,
    m.focusAreaKeys
  ]);
const reviewed = (d: DocumentDraft) => d.review.map((r) => [r.kind, r.path, r.lines]);

describe('real-world styles of a medborgarlöfte', () => {
  it('reads a "Fokusområden" list, a lead-in and sections named after the focus areas', () => {
    const draft = run(fixture('umea-2026.txt'));
    expect(documentDraft.parse(draft)).toEqual(draft);
    expect(draft.municipality).toMatchObject({ code: '2480', name: 'Umeå' });
    expect(draft.policeArea.name).toBe('Lokalpolisområde Umeå');
    expect(draft.period).toMatchObject({ start: '2026-01-01', end: '2027-12-31' });
    expect(draft.focusAreas.map((f) => [f.key, f.title, f.lines])).toEqual([
      ['trafik', 'Säkrare trafik vid skolorna', [6, 6]],
      ['trygghet', 'Trygghet i stadskärnan på kvällar och nätter', [7, 7]]
    ]);
    expect(draft.groups.map((g) => [g.title, g.measures.length])).toEqual([
      ['Säkrare trafik vid skolorna', 3],
      ['Trygghet i stadskärnan på kvällar och nätter', 4]
    ]);
    expect(rows(draft)).toEqual([
      // "Polisen ska …": the target words are cut out of the sentence.
      ['polisen', ['polisen'], 'count', 'minst 2 gånger per månad', ['trafik']],
      // "Kommunen ansvarar för att …"; "under 2026" is kept and reviewed, not guessed.
      ['kommunen', ['kommunen'], 'unparsed', 'under 2026', ['trafik']],
      ['kommunen', ['kommunen', 'polisen'], 'count', 'två gånger per år', ['trafik']],
      ['kommunen', ['kommunen'], 'count', 'alla fredags- och lördagskvällar', ['trygghet']],
      [
        'polisen',
        ['polisen'],
        'occasions',
        'under riskhelger: valborg, studenten och nyår',
        ['trygghet']
      ],
      // No party in the bullet: the lead-in "Polisen och kommunen lovar att:" names them.
      ['polisen', ['polisen', 'kommunen'], 'on-demand', 'vid behov', ['trygghet']],
      ['polisen', ['polisen', 'kommunen'], 'continuous', 'kontinuerligt', ['trygghet']]
    ]);
    expect(measures(draft).map((m) => m.title)).toContain(
      'Nattvandring alla fredags- och lördagskvällar'
    );
    expect(reviewed(draft)).toEqual([['uncertain', 'measures.1.target', [13, 13]]]);
    expect(draft.effects.map((e) => [e.title, e.direction])).toEqual([
      ['Färre olyckor i trafiken vid skolorna.', 'decrease'],
      ['Fler som känner sig trygga i stadskärnan.', 'increase']
    ]);
    expect(draft.communication.value).toMatch(/^Löftet följs upp varje tertial/);
    expect(draft.unrecognised).toEqual([]);
  });

  it('reads a yearly list without focus areas: one group, "vi" read as both, all reviewed', () => {
    const draft = run(fixture('mala-2024.txt'));
    expect(draft.municipality.code).toBe('2418');
    expect(draft.period).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    expect(draft.focusAreas).toEqual([]);
    expect(draft.groups.map((g) => [g.title, g.measures.length])).toEqual([['Åtgärder', 6]]);
    expect(rows(draft)).toEqual([
      [null, [], 'count', 'Varje år kommer minst en tillsyn', []],
      [null, [], 'count', 'Varje år kommer minst en kampanj', []],
      [null, [], null, '', []],
      [null, [], 'count', 'minst tre tillfällen per år', []],
      ['polisen', ['polisen', 'kommunen'], 'on-demand', 'Om det uppkommer önskemål', []],
      ['polisen', ['polisen', 'kommunen'], 'on-demand', 'Om det uppkommer önskemål', []]
    ]);
    expect(measures(draft)[0]!.target).toMatchObject({ count: 1, per: 'year', unit: 'tillsyn' });
    expect(measures(draft)[3]!.target).toMatchObject({ count: 3, per: 'year' });
    // Most doubtful first: the measure with neither party nor target, then those without a party.
    expect(reviewed(draft)).toEqual([
      ['missing', 'measures.2.responsible', [9, 9]],
      ['missing', 'measures.2.target', [9, 9]],
      ['missing', 'measures.0.responsible', [7, 7]],
      ['missing', 'measures.1.responsible', [8, 8]],
      ['missing', 'measures.3.responsible', [10, 10]],
      ['uncertain', 'measures.4.responsible', [11, 11]],
      ['uncertain', 'measures.5.responsible', [12, 12]],
      ['missing', 'focusAreas', [7, 12]]
    ]);
    expect(draft.review[5]!.message).toContain('"vi"');
  });

  it('accepts *, – and 1) bullets, "Fokusområden:" and headings that repeat a focus area', () => {
    const draft = run(
      [
        'Medborgarlöfte Vännäs',
        '',
        'Löftet gäller 2025–2026.',
        '',
        'Fokusområden:',
        '* Ordning vid Vännäsby station',
        '* Skadegörelse',
        '',
        'Ordning vid Vännäsby station',
        '1) Polisen ska patrullera vid stationen varje helg.',
        '2) Kameror vid cykelgaraget under 2025 (Kommunen)',
        '',
        'Skadegörelse',
        '– Kommunen ansvarar för att klotter tas bort inom en vecka.',
        '– Vi ska informera i skolorna minst 1 gång per år.'
      ].join('\n')
    );
    expect(draft.focusAreas.map((f) => [f.key, f.title])).toEqual([
      ['ordning-vid-vannasby', 'Ordning vid Vännäsby station'],
      ['nedskrapning', 'Skadegörelse']
    ]);
    expect(rows(draft)).toEqual([
      ['polisen', ['polisen'], 'interval', 'varje helg', ['ordning-vid-vannasby']],
      ['kommunen', ['kommunen'], 'unparsed', 'under 2025', ['ordning-vid-vannasby']],
      ['kommunen', ['kommunen'], null, '', ['nedskrapning']],
      ['polisen', ['polisen', 'kommunen'], 'count', 'minst 1 gång per år', ['nedskrapning']]
    ]);
    expect(reviewed(draft).map(([kind, path]) => [kind, path])).toEqual([
      ['missing', 'measures.2.target'],
      ['uncertain', 'measures.1.target'],
      ['uncertain', 'measures.3.responsible']
    ]);
  });

  it('reads a lead-in "Tillsammans lovar vi att:" right under a list as both parties, reviewed', () => {
    const draft = run(
      'Medborgarlöfte 2025 för Nordmaling\n\nFokusområden\n1. Trafik\nTillsammans lovar vi att:\n- hålla 4 trafikkontroller per månad\n- Polisen ska göra 2 kontroller per vecka.'
    );
    expect(draft.focusAreas.map((f) => f.key)).toEqual(['trafik']);
    expect(rows(draft)).toEqual([
      ['polisen', ['polisen', 'kommunen'], 'count', '4 trafikkontroller per månad', ['trafik']],
      // Nothing in its words points to "Trafik": not guessed, reviewed.
      ['polisen', ['polisen'], 'count', '2 kontroller per vecka', []]
    ]);
    expect(reviewed(draft).map(([kind, path]) => [kind, path])).toEqual([
      ['uncertain', 'measures.0.responsible'],
      ['missing', 'measures.1.focusAreaKeys']
    ]);
  });

  it('still refuses a list with nothing that reads as a measure', () => {
    expect(() => run('Inköp\n\n- Mjölk\n- Bröd\n- Kaffe')).toThrow(NotALoefteError);
    expect(() => run('Att göra\n\n1. Ringa Eva\n2. Tvätta')).toThrow(
      /inte ut som ett medborgarlöfte/
    );
  });
});
