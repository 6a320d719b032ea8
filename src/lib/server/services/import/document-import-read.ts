import mammoth from 'mammoth';
import { unpacksWithin } from '../../zip-guard';
import { decodeText } from '../../spreadsheet/csv';
import { ValidationError } from '../shared/errors';

/** Largest file read (a 50-page löfte is well under 1 MB as Word or PDF). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type DocumentKind = 'text' | 'docx' | 'pdf';

const fail = (message: string) => new ValidationError([{ field: 'file', message }]);

/** What kind of file the bytes are: by their first bytes, not only by the name. */
export function documentKind(name: string, bytes: Uint8Array): DocumentKind {
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head === '%PDF-') return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) {
    if (/\.(docx|docm)$/i.test(name) || !/\.\w+$/.test(name)) return 'docx';
    throw fail(
      'Filen är ett komprimerat arkiv men inte ett Word-dokument (.docx). Spara som .docx, PDF eller text.'
    );
  }
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0'))
    throw fail(
      'Filen är i det gamla Word-formatet (.doc). Spara den som .docx eller PDF och försök igen.'
    );
  return 'text';
}

/** Text with NUL bytes or many control characters is a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let odd = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return odd > sample.length * 0.02;
}

type PdfRow = {
  page: number;
  y: number;
  h: number;
  items: { x: number; right: number; s: string }[];
};

/** Lines of a PDF rebuilt from its text items by their y position, left to right, page by page. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 })
      .promise;
  } catch {
    throw fail('PDF-filen går inte att öppna (den kan vara skadad eller lösenordsskyddad).');
  }
  const all: PdfRow[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const rows: PdfRow[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str) continue;
        const [, , , , x = 0, y = 0] = it.transform as number[];
        const row = rows.find((r) => Math.abs(r.y - y) < Math.max(2, r.h * 0.4));
        const item = { x, right: x + it.width, s: it.str };
        if (row) row.items.push(item);
        else rows.push({ page: p, y, h: it.height || 10, items: [item] });
      }
      all.push(...rows.sort((a, b) => b.y - a.y));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return joinPdfRows(all).join('\n');
}

/**
 * Rows of text items → lines: a gap well over a line's height is a blank line (a new paragraph);
 * a row that reaches the right margin continues on the next row (a wrapped paragraph), also
 * across a page break.
 */
function joinPdfRows(rows: PdfRow[]): string[] {
  const lines = rows.map((r) => {
    const items = r.items.sort((a, b) => a.x - b.x);
    let s = '';
    let end = -Infinity;
    // A wide gap between two pieces of one row (or a wide blank piece, as pdfjs gives one) is a
    // table's column break: "cell | cell".
    const words = items.filter((it) => it.s.trim());
    const charWidth =
      words.reduce((w, it) => w + (it.right - it.x), 0) /
      Math.max(
        1,
        words.reduce((n, it) => n + it.s.length, 0)
      );
    const wide = Math.max(12, charWidth * 3);
    let columnBreak = false;
    for (const it of items) {
      if (!it.s.trim()) {
        if (it.right - it.x > wide) columnBreak = true;
        else if (s && !s.endsWith(' ')) s += ' ';
        end = it.right;
        continue;
      }
      const gap = it.x - end;
      s =
        s.trim() && (columnBreak || gap > wide)
          ? `${s.trimEnd()} | ${it.s.trimStart()}`
          : s + (s && gap > 1 && !s.endsWith(' ') && !it.s.startsWith(' ') ? ' ' : '') + it.s;
      columnBreak = false;
      end = it.right;
    }
    return { ...r, x: items[0]?.x ?? 0, right: end, s: s.trimEnd() };
  });
  const margin = Math.max(...lines.map((l) => l.right));
  const left = Math.min(...lines.map((l) => l.x));
  const out: string[] = [];
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const indent = ' '.repeat(Math.max(0, Math.round((l.x - left) / 5)));
    if (!prev) return out.push(indent + l.s);
    // Wrapped when the next row's first word would not have fitted after the previous row.
    const charWidth = (l.right - l.x) / Math.max(1, l.s.length);
    const firstWord = (l.s.trimStart().split(/\s/)[0] ?? '').length + 1;
    const sofar = out[out.length - 1] ?? '';
    const open = (sofar.match(/\(/g) ?? []).length > (sofar.match(/\)/g) ?? []).length;
    const full =
      (prev.right + firstWord * charWidth > margin - 2 || open) &&
      !/^\s*(?:[•\-–*]|\d+[.)])\s/.test(l.s) &&
      !l.s.includes(' | ');
    const near = prev.page === l.page && prev.y - l.y <= prev.h * 1.9;
    if (full && (near || prev.page !== l.page)) {
      out[out.length - 1] += ` ${l.s.trimStart()}`;
      return;
    }
    if (!near) out.push('');
    out.push(indent + l.s);
  });
  return out;
}

/** Windows-1252's characters at 0x80–0x9F, which some decoders leave as C1 control characters. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const fixWindows1252 = (s: string) =>
  s.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] ?? c);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' '
};

/**
 * A Word table cell holds paragraphs (and sometimes a list) of its own: inside a cell they run
 * together with spaces (a list's items with "; "), so that a table row stays one line.
 */
const flattenCells = (html: string) =>
  html.replace(
    /<t([dh])\b([^>]*)>([\s\S]*?)<\/t\1>/g,
    (_, t: string, attrs: string, inner: string) => {
      const flat = inner
        .replace(/<\/li>\s*<li>/g, '; ')
        .replace(/<\/p>\s*<p[^>]*>|<br\s*\/?>/g, ' ')
        .replace(/<\/?(?:p|ul|ol|li)\b[^>]*>/g, '')
        .trim();
      return `<t${t}${attrs}>${flat}</t${t}>`;
    }
  );

/**
 * Word's HTML (from mammoth) → lines: headings and paragraphs stand alone, list items become
 * "• …" lines, table rows become "cell | cell | cell".
 */
export function htmlToText(html: string): string {
  return flattenCells(html)
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<li>/g, '• ')
    .replace(/<\/li>/g, '\n')
    .replace(/<\/(?:p|h[1-6]|ul|ol|table)>/g, '\n\n')
    .replace(/<\/t[dh]>\s*(?=<t[dh])/g, ' | ')
    .replace(/<\/tr>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

/** The text of an uploaded file, with a clear Swedish message for what cannot be read. */
export async function readDocument(
  name: string,
  bytes: Uint8Array
): Promise<{ kind: DocumentKind; text: string }> {
  if (!bytes.length)
    throw fail('Filen är tom. Välj filen med medborgarlöftet igen, eller klistra in texten.');
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw fail(
      `Filen är större än ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB. Ta bort bilder ur dokumentet eller klistra in bara texten.`
    );
  const kind = documentKind(name, bytes);
  let text: string;
  if (kind === 'pdf') {
    text = await pdfText(bytes);
    if (!text.trim())
      throw fail(
        'PDF-filen har ingen text, bara bilder (den är troligen inskannad). Kör textigenkänning (OCR) på den, eller klistra in texten.'
      );
  } else if (kind === 'docx') {
    // A Word file is a ZIP: refuse one that would unpack to far more than any löfte (a zip bomb).
    if (!unpacksWithin(bytes, 100 * 1024 * 1024))
      throw fail(
        'Word-filen går inte att läsa: den är skadad eller packas upp till orimligt mycket. Spara den igen som .docx eller PDF.'
      );
    try {
      text = htmlToText((await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value);
    } catch {
      throw fail(
        'Word-filen går inte att läsa (den kan vara skadad). Spara den igen som .docx eller PDF.'
      );
    }
  } else {
    if (looksBinary(bytes))
      throw fail(
        'Filen är varken text, Word (.docx) eller PDF. Välj en sådan fil, eller klistra in texten.'
      );
    text = fixWindows1252(decodeText(bytes));
  }
  return { kind, text };
}
