import type { Cell } from './grid';

/**
 * Decodes a text file: UTF-8 with or without a byte-order mark, else Windows-1252 (what
 * "CSV (semikolonavgränsad)" from a Swedish Excel writes).
 */
export function decodeText(bytes: Uint8Array): string {
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/** The separator of the first line, outside quotes: semicolon (Swedish Excel), comma or tab. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/** Parses RFC 4180 CSV: quoted fields with doubled quotes and line breaks, CRLF, LF or CR. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || record.length) endRecord();
  return records;
}

const RISKY_START = /^[=+\-@\t\r]/;

/**
 * One CSV line (with CRLF). Text that a spreadsheet would run as a formula gets a leading
 * apostrophe, so a note like "=HYPERLINK(…)" stays text when the file is opened.
 */
export function csvLine(cells: Cell[], delimiter = ';'): string {
  return (
    cells
      .map((c) => {
        if (c === null) return '';
        if (typeof c === 'number') return String(c);
        const s = RISKY_START.test(c) ? `'${c}` : c;
        return /[";\r\n,\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(delimiter) + '\r\n'
  );
}

/** A CSV file as a stream: a byte-order mark so Excel reads UTF-8, the header, then the rows. */
export function csvStream(
  header: string[],
  pages: AsyncIterable<Cell[][]> | Iterable<Cell[][]>,
  delimiter = ';'
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator =
    Symbol.asyncIterator in pages ? pages[Symbol.asyncIterator]() : pages[Symbol.iterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode('\uFEFF' + csvLine(header, delimiter)));
        return;
      }
      const next = await iterator.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((r) => csvLine(r, delimiter)).join('')));
    },
    async cancel() {
      await iterator.return?.();
    }
  });
}
