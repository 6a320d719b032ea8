/** A cell as imports read it: text, a number, or empty. Date cells arrive as 'YYYY-MM-DD' text. */
export type Cell = string | number | null;

/** A data row with its spreadsheet row number (the header is row 1 unless rows above it are blank). */
export type GridRow = { n: number; cells: Cell[] };

/**
 * The first sheet of a spreadsheet: its header row and its data rows. `headerRow` is the row
 * number the header was read from; `notes` say in Swedish what was left out (a title above the
 * header, a "Summa" row) so the preview can show it.
 */
export type Grid = { header: string[]; rows: GridRow[]; headerRow: number; notes: string[] };

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

const filled = (cells: Cell[]) => cells.filter((c) => c !== null && String(c).trim() !== '');

/** A row that totals the others ("Summa", "Totalt"): not an activity. */
const isTotal = (cells: Cell[]) =>
  /^(summa|totalt?|sum|total)\b/i.test(String(filled(cells)[0] ?? ''));

/** How many rows from the top the header is looked for in (titles and notes come above it). */
const HEADER_SEARCH = 10;

/** C0 controls other than tab and line breaks, and C1 controls: never text a person typed. */
const isControl = (ch: number) =>
  (ch < 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) || (ch >= 0x7f && ch <= 0x9f);
const hasControl = (text: string) => {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
};

/**
 * Turns numbered rows into a grid. The header is the first row, among the first ten that are not
 * blank, with at least two filled cells (a merged title above it, "Aktiviteter 2026", has one);
 * `headerRow` chooses another. Rows above the header and "Summa" rows are left out with a note;
 * blank rows are left out, their numbers kept so reported rows match what the spreadsheet shows.
 * Control characters in any cell are refused with the row and column named.
 */
export function toGrid(rows: GridRow[], maxRows: number, headerRow?: number): Grid {
  const nonBlank = rows.filter((r) => !blank(r.cells));
  if (nonBlank.length === 0)
    throw new SpreadsheetError('Filen är tom. Ladda upp ett kalkylblad med en rubrikrad.');
  for (const r of nonBlank) {
    const i = r.cells.findIndex((c) => typeof c === 'string' && hasControl(c));
    if (i >= 0)
      throw new SpreadsheetError(
        `Rad ${r.n}, kolumn ${columnLetter(i)} innehåller ett styrtecken som inte är text. ` +
          'Spara filen som CSV UTF-8 eller .xlsx och försök igen.'
      );
  }
  let head: GridRow | undefined;
  if (headerRow !== undefined) {
    head = nonBlank.find((r) => r.n === headerRow);
    if (!head)
      throw new SpreadsheetError(
        `Rad ${headerRow} är tom eller finns inte. Välj en annan rubrikrad.`
      );
  } else {
    head =
      nonBlank.slice(0, HEADER_SEARCH).find((r) => filled(r.cells).length >= 2) ?? nonBlank[0]!;
  }
  const notes: string[] = [];
  const above = nonBlank.filter((r) => r.n < head.n);
  if (above.length)
    notes.push(
      `Rubrikraden är rad ${head.n}. ${above.length === 1 ? 'Raden' : 'Raderna'} ovanför (${above
        .map((r) => `rad ${r.n}: ”${String(filled(r.cells)[0] ?? '').slice(0, 40)}”`)
        .join(', ')}) läses inte in.`
    );
  const data: GridRow[] = [];
  for (const r of nonBlank.filter((r) => r.n > head.n)) {
    if (isTotal(r.cells)) notes.push(`Rad ${r.n} är en summarad och läses inte in.`);
    else data.push(r);
  }
  if (data.length > maxRows)
    throw new SpreadsheetError(
      `Filen har ${data.length} rader. Högst ${maxRows} rader åt gången: dela upp filen.`
    );
  const width = Math.max(head.cells.length, ...data.map((r) => r.cells.length));
  const header = Array.from({ length: width }, (_, i) => {
    const h = head.cells[i];
    return h === null || h === undefined ? '' : String(h).trim();
  });
  return { header, rows: data, headerRow: head.n, notes };
}

/** Whether the bytes are a zip archive (XLSX) or the old binary Excel format. */
export function sniffFormat(bytes: Uint8Array): SpreadsheetFormat | 'xls' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return 'xls';
  return 'csv';
}
