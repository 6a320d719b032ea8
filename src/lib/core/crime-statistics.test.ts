import { describe, expect, it } from 'vitest';
import { braCount, readBraRecords } from './crime-statistics';

describe('readBraRecords', () => {
  it('reads a long table below a title line, with Swedish numbers and a rate per 100 000', () => {
    const r = readBraRecords([
      ['Anmälda brott 2015–2018'],
      ['Kommun', 'Brottskategori', 'År', 'Antal', 'Per 100 000 inv.'],
      ['Norsjö', 'Skadegörelsebrott', '2018', '1 234', '12,5'],
      ['Källa: Brå']
    ]);
    expect(r).toEqual({
      rows: [
        {
          line: 3,
          municipality: 'Norsjö',
          category: 'Skadegörelsebrott',
          year: 2018,
          count: 1234,
          per100k: 12.5
        }
      ],
      problems: []
    });
  });

  it('reads a wide table (a column per year), skips missing-value marks and names a bad count', () => {
    const r = readBraRecords([
      ['Kommun', 'Brottskategori', '2017', '2018'],
      ['Norsjö', 'Rattfylleri', '..', '7'],
      ['Norsjö', 'Narkotikabrott', 'sju', '3']
    ])!;
    expect(r.rows.map((x) => [x.category, x.year, x.count])).toEqual([
      ['Rattfylleri', 2018, 7],
      ['Narkotikabrott', 2018, 3]
    ]);
    expect(r.problems).toEqual([{ line: 3, message: 'Antalet "sju" är inte ett heltal.' }]);
  });

  it('names a line without a municipality and a year that is not a year', () => {
    const r = readBraRecords([
      ['Kommun', 'Brottskategori', 'År', 'Antal'],
      ['', 'Rån', '2018', '2'],
      ['Norsjö', 'Rån', '18', '2']
    ])!;
    expect(r.rows).toEqual([]);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(r.problems[1]!.message).toContain('"18"');
  });

  it('gives null when no line is a header row', () => {
    expect(
      readBraRecords([
        ['a', 'b', 'c'],
        ['1', '2', '3']
      ])
    ).toBeNull();
  });

  it('reads counts with no-break spaces and decimal commas, and null for an empty cell', () => {
    expect(braCount('1\u00a0000')).toBe(1000);
    expect(braCount('12,0')).toBe(12);
    expect(braCount('')).toBeNull();
    expect(braCount('x')).toBeNull();
    expect(braCount('tolv')).toBeNaN();
  });
});
