import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { SpreadsheetError, type Cell, type GridRow } from './grid';
import { unpacksWithin } from '../zip-guard';

/** An XLSX of 10 000 rows unpacks to a few megabytes; far more is a zip bomb or not ours to read. */
const MAX_UNPACKED = 200 * 1024 * 1024;

/** A calendar date of a date cell. Excel stores wall-clock values, which ExcelJS reads as UTC. */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** One ExcelJS cell value as plain text, number or date text: formulas give their result. */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoDay(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : null;
  if ('error' in v) return null;
  if ('result' in v) return plain((v.result ?? null) as ExcelJS.CellValue);
  return null;
}

/** Reads the first worksheet of an XLSX file into numbered rows. */
export async function readXlsx(bytes: Uint8Array): Promise<GridRow[]> {
  if (!unpacksWithin(bytes, MAX_UNPACKED))
    throw new SpreadsheetError(
      'Filen är för stor uppackad eller inte en riktig XLSX-fil. Dela upp den, eller spara den som CSV.'
    );
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
  } catch {
    throw new SpreadsheetError(
      'Filen gick inte att läsa som XLSX. Spara den på nytt som Excel-arbetsbok (.xlsx) eller CSV.'
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError('Arbetsboken har inget kalkylblad.');
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plain(cell.value);
    });
    rows.push({ n, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}

/** A worksheet to write: columns (date columns get date cells) and rows, a page at a time. */
export type SheetSpec = {
  name: string;
  columns: { header: string; width?: number; date?: boolean }[];
  pages: AsyncIterable<Cell[][]> | Iterable<Cell[][]>;
};

const toDate = (s: string) => new Date(`${s}T00:00:00Z`);

/**
 * Writes an XLSX file as a stream with ExcelJS's streaming writer: each row is committed as it
 * is written, so a large export never holds the whole workbook in memory.
 */
export function xlsxStream(sheets: SheetSpec[]): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false
  });
  const write = async () => {
    for (const spec of sheets) {
      const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = spec.columns.map((c) => ({
        header: c.header,
        width: c.width ?? 14,
        ...(c.date ? { style: { numFmt: 'yyyy-mm-dd' } } : {})
      }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const page of spec.pages) {
        for (const cells of page) {
          const values = cells.map((c, i) =>
            spec.columns[i]?.date && typeof c === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c)
              ? toDate(c)
              : c
          );
          ws.addRow(values).commit();
        }
        // Let a slow reader catch up before reading the next page; stop if the reader went away.
        if (out.writableNeedDrain)
          await Promise.race([once(out, 'drain'), once(out, 'close')]).catch(() => undefined);
        if (out.destroyed) return;
      }
      ws.commit();
    }
    await workbook.commit();
  };
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
