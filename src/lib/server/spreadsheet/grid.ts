/** A cell as imports read it: text, a number, or empty. Date cells arrive as 'YYYY-MM-DD' text. */
export type Cell = string | number | null;

/** A data row with its spreadsheet row number (the header is row 1 unless rows above it are blank). */
export type GridRow = { n: number; cells: Cell[] };

/** The first sheet of a spreadsheet: its header row and its data rows. */
export type Grid = { header: string[]; rows: GridRow[] };

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** The file could not be read as a spreadsheet; the message says what to do, in Swedish. */
export class SpreadsheetError extends Error {}

/** A column's letter as spreadsheets name it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26))
    s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

const blank = (cells: Cell[]) => cells.every((c) => c === null || String(c).trim() === '');

/**
 * Turns numbered rows into a grid: the first non-blank row is the header, blank rows are left
 * out (their numbers are kept, so reported row numbers match what the spreadsheet shows).
 */
export function toGrid(rows: GridRow[], maxRows: number): Grid {
  const start = rows.findIndex((r) => !blank(r.cells));
  if (start < 0)
    throw new SpreadsheetError('Filen är tom. Ladda upp ett kalkylblad med en rubrikrad.');
  const data = rows.slice(start + 1).filter((r) => !blank(r.cells));
  if (data.length > maxRows)
    throw new SpreadsheetError(
      `Filen har ${data.length} rader. Högst ${maxRows} rader åt gången: dela upp filen.`
    );
  const width = Math.max(rows[start]!.cells.length, ...data.map((r) => r.cells.length));
  const header = Array.from({ length: width }, (_, i) => {
    const h = rows[start]!.cells[i];
    return h === null || h === undefined ? '' : String(h).trim();
  });
  return { header, rows: data };
}

/** Whether the bytes are a zip archive (XLSX) or the old binary Excel format. */
export function sniffFormat(bytes: Uint8Array): SpreadsheetFormat | 'xls' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return 'xls';
  return 'csv';
}
