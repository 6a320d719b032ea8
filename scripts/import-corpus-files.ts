/**
 * Builds the Word and PDF fixtures of the import corpus: every
 * `test/fixtures/import-corpus/<id>.docx.txt` becomes `<id>.docx`, a real Word document where a
 * line of "cell | cell" cells is a row of a Word table (consecutive rows one table) and any other
 * line a paragraph; every `<id>.pdf.txt` becomes `<id>.pdf` (pdfkit, text wrapping at the page
 * width as in real PDFs, a "cell | cell" line drawn as a table row, cell by cell, with no "|"). Run after editing one: `npx tsx scripts/import-corpus-files.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

const DIR = 'test/fixtures/import-corpus';
const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const para = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${xml(s)}</w:t></w:r></w:p>`;
const cell = (s: string) =>
  `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${para(s)}</w:tc>`;

export function documentXml(text: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (!rows.length) return;
    out.push(
      `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows
        .map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`)
        .join('')}</w:tbl>`
    );
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes(' | ')) {
      rows.push(line.split(' | ').map((c) => c.trim()));
      continue;
    }
    flush();
    if (line.trim()) out.push(para(line.trim()));
  }
  flush();
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${out.join('')}</w:body></w:document>`;
}

async function docx(text: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
  );
  zip.file('word/document.xml', documentXml(text));
  // A fixed date keeps the bytes the same on every run.
  return zip.generateAsync({ type: 'uint8array', date: new Date(Date.UTC(2026, 0, 1)) } as never);
}

/** A PDF like makePdf's (test/support), where a "cell | cell" line is a table row drawn by column. */
function pdf(text: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 60, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font('Helvetica').fontSize(10);
    const width = doc.page.width - 120;
    for (const line of text.split('\n')) {
      if (!line.trim()) {
        doc.moveDown();
        continue;
      }
      if (!line.includes(' | ')) {
        doc.text(line.trim(), 60, doc.y, { width });
        continue;
      }
      // One row: each cell at its column's left edge, on one line (cells are kept short).
      const cells = line.split(' | ').map((c) => c.trim());
      const y = doc.y;
      const col = width / cells.length;
      cells.forEach((c, i) => doc.text(c, 60 + i * col, y, { width: col - 8, lineBreak: false }));
      doc.x = 60;
      doc.y = y + doc.currentLineHeight(true) * 1.2;
    }
    doc.end();
  });
}

for (const f of readdirSync(DIR).filter((f) => /\.(docx|pdf)\.txt$/.test(f))) {
  const target = join(DIR, f.replace(/\.txt$/, ''));
  const text = readFileSync(join(DIR, f), 'utf8');
  writeFileSync(target, f.endsWith('.docx.txt') ? await docx(text) : await pdf(text));
  console.log(target);
}
