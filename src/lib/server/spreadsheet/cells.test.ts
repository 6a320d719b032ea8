import { describe, expect, it } from 'vitest';
import { parseDateCell, parseNumberCell } from './cells';
import { columnLetter, toGrid } from './grid';

describe('cells', () => {
  it('reads dates as ISO, day-first Swedish text, date cells and Excel serial numbers', () => {
    expect(parseDateCell('2026-11-03')).toBe('2026-11-03');
    expect(parseDateCell('2026-11-03 14:30')).toBe('2026-11-03');
    expect(parseDateCell('3/11/2026')).toBe('2026-11-03');
    expect(parseDateCell('03.11.2026')).toBe('2026-11-03');
    expect(parseDateCell(46329)).toBe('2026-11-03');
    expect(parseDateCell('31/2/2025')).toBeNull();
    expect(parseDateCell('igår')).toBeNull();
    expect(parseDateCell(null)).toBeNull();
  });

  it('reads numbers with decimal commas and spaces between thousands', () => {
    expect(parseNumberCell('2,0')).toBe(2);
    expect(parseNumberCell('1 000')).toBe(1000);
    expect(parseNumberCell(' ')).toBeUndefined();
    expect(parseNumberCell('två')).toBeNaN();
  });
});

describe('grids', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('takes the first non-blank row as the header and keeps row numbers past blank rows', () => {
    const grid = toGrid(
      [
        { n: 1, cells: [null, ''] },
        { n: 2, cells: ['Åtgärd', 'Datum'] },
        { n: 3, cells: ['a', '2026-01-01'] },
        { n: 4, cells: ['', null] },
        { n: 5, cells: ['b', '2026-01-02', 'extra'] }
      ],
      10
    );
    expect(grid.header).toEqual(['Åtgärd', 'Datum', '']);
    expect(grid.rows.map((r) => r.n)).toEqual([3, 5]);
    expect(() => toGrid([{ n: 1, cells: ['h', 'd'] }, ...grid.rows], 1)).toThrow(/Högst 1 rader/);
  });

  it('skips a merged title above the header and a Summa row, and says so', () => {
    const grid = toGrid(
      [
        { n: 1, cells: ['Aktiviteter Norsjö 2026', null, null] },
        { n: 2, cells: [null, null, null] },
        { n: 3, cells: ['Åtgärd', 'Datum', 'Antal'] },
        { n: 4, cells: ['Nattvandring', '2026-03-06', 2] },
        { n: 5, cells: ['Nattvandring', '2026-03-13', 1] },
        { n: 6, cells: ['Summa', null, 3] }
      ],
      10
    );
    expect(grid.header).toEqual(['Åtgärd', 'Datum', 'Antal']);
    expect(grid.headerRow).toBe(3);
    expect(grid.rows.map((r) => r.n)).toEqual([4, 5]);
    expect(grid.notes.join(' ')).toMatch(/Rubrikraden är rad 3.*rad 1: ”Aktiviteter Norsjö 2026”/);
    expect(grid.notes.join(' ')).toMatch(/Rad 6 är en summarad/);
  });

  it('lets the person choose the header row', () => {
    const rows = [
      { n: 1, cells: ['Rapport', 'mars'] },
      { n: 2, cells: ['Åtgärd', 'Datum'] },
      { n: 3, cells: ['Nattvandring', '2026-03-06'] }
    ];
    expect(toGrid(rows, 10).header).toEqual(['Rapport', 'mars']);
    expect(toGrid(rows, 10, 2).header).toEqual(['Åtgärd', 'Datum']);
    expect(() => toGrid(rows, 10, 9)).toThrow(/Rad 9 är tom eller finns inte/);
  });

  it('refuses control characters, naming the row and column', () => {
    expect(() =>
      toGrid(
        [
          { n: 1, cells: ['Åtgärd', 'Anteckning'] },
          { n: 2, cells: ['Nattvandring', 'lugnt \u0096 inget att rapportera'] }
        ],
        10
      )
    ).toThrow(/Rad 2, kolumn B innehåller ett styrtecken/);
  });
});
