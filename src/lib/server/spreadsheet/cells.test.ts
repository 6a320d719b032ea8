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
    expect(() => toGrid([{ n: 1, cells: ['h'] }, ...grid.rows], 1)).toThrow(/Högst 1 rader/);
  });
});
