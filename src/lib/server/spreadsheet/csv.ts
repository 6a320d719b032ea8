import type { Cell } from './grid';

/**
 * Windows-1252's bytes 0x80–0x9F (the WHATWG index; the five unassigned bytes stay C1 controls,
 * which readSpreadsheet then refuses). Node's own 'windows-1252' decoder, without full ICU,
 * decodes these as ISO-8859-1 control characters, so "–" and "€" would be stored as U+0096 and
 * U+0080; 32 entries are smaller than a dependency.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178
];

/** Decodes Windows-1252 bytes (Swedish Excel's "CSV (semikolonavgränsad)"). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b))
    );
  }
  return out;
}

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
    return decodeWindows1252(body);
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
