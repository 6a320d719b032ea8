import { decodeText, detectDelimiter, parseCsv } from './csv';
import {
  sniffFormat,
  SpreadsheetError,
  toGrid,
  type Grid,
  type GridRow,
  type SpreadsheetFormat
} from './grid';
import { readXlsx } from './xlsx';

/** Reads the first sheet of an uploaded CSV or XLSX file as numbered rows, before any header is chosen. */
export async function readRows(
  name: string,
  bytes: Uint8Array
): Promise<{ format: SpreadsheetFormat; rows: GridRow[] }> {
  const format = sniffFormat(bytes);
  if (format === 'xls')
    throw new SpreadsheetError(
      'Det gamla Excel-formatet (.xls) går inte att läsa. Spara filen som .xlsx eller CSV.'
    );
  if (format === 'xlsx') return { format, rows: await readXlsx(bytes) };
  if (/\.(xlsx|xlsm|ods|numbers)$/i.test(name))
    throw new SpreadsheetError('Filen gick inte att läsa. Spara den som .xlsx eller CSV.');
  const text = decodeText(bytes);
  if (text.includes('\u0000'))
    throw new SpreadsheetError('Filen är inte en textfil. Ladda upp CSV eller XLSX.');
  const records = parseCsv(text, detectDelimiter(text));
  return { format, rows: records.map((cells, i) => ({ n: i + 1, cells })) };
}

/** Reads an uploaded CSV or XLSX file into a grid (first sheet, header row, numbered data rows); `headerRow` overrides the guess. */
export async function readSpreadsheet(
  name: string,
  bytes: Uint8Array,
  maxRows: number,
  headerRow?: number
): Promise<{ format: SpreadsheetFormat; grid: Grid }> {
  const { format, rows } = await readRows(name, bytes);
  return { format, grid: toGrid(rows, maxRows, headerRow) };
}
