import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDocx, makeImageOnlyPdf, makePdf } from '../../../../../test/support/document-files';
import type { DocumentDraft } from '../../../core/loefte-import';
import { readLoefte } from './document-import.service';

const SOURCES = {
  norsjo: 'data/reference/norsjo-medborgarloften-2019.txt',
  jarfalla: 'test/fixtures/loften/jarfalla-2024.txt',
  gavle: 'test/fixtures/loften/gavle-2023.txt',
  lulea: 'test/fixtures/loften/lulea-2020.txt',
  umea: 'test/fixtures/loften/umea-2026.txt',
  mala: 'test/fixtures/loften/mala-2024.txt'
};
const summary = (d: DocumentDraft) => ({
  title: d.title.value,
  municipality: d.municipality.code,
  period: [d.period.start, d.period.end],
  focus: d.focusAreas.map((f) => [f.key, f.title]),
  measures: d.groups.flatMap((g) =>
    g.measures.map((m) => [
      g.title,
      m.title,
      m.targetText,
      m.target?.kind,
      m.responsible,
      m.parties
    ])
  ),
  effects: d.effects.map((e) => e.title)
});

describe('reading Word and PDF files of a medborgarlöfte', () => {
  it.each(Object.entries(SOURCES))(
    '%s as .docx and as .pdf gives the draft of its text',
    async (_, path) => {
      const text = readFileSync(path, 'utf8');
      const fromText = await readLoefte({
        fileName: 'a.txt',
        bytes: new TextEncoder().encode(text)
      });
      const docx = await readLoefte({ fileName: 'a.docx', bytes: await makeDocx(text) });
      const pdf = await readLoefte({ fileName: 'a.pdf', bytes: await makePdf(text) });
      expect(docx.kind).toBe('docx');
      expect(pdf.kind).toBe('pdf');
      expect(summary(fromText.draft).measures.length).toBeGreaterThan(4);
      expect(summary(docx.draft)).toEqual(summary(fromText.draft));
      expect(summary(pdf.draft)).toEqual(summary(fromText.draft));
    }
  );

  it('reads Windows-1252 text', async () => {
    const text = readFileSync(SOURCES.norsjo, 'utf8');
    const bytes = Uint8Array.from(
      [...text].map((c) => (c === '•' ? 0x95 : c === '–' ? 0x96 : c.charCodeAt(0)))
    );
    const r = await readLoefte({ fileName: 'norsjo.txt', bytes });
    expect(r.draft.title.value).toBe('Norsjö – medborgarlöften');
    expect(r.draft.groups.flatMap((g) => g.measures)).toHaveLength(14);
  });

  it.each([
    ['an empty file', 'tom.txt', async () => new Uint8Array(), /Filen är tom/],
    [
      'a binary file',
      'bild.png',
      async () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]),
      /varken text, Word/
    ],
    ['a scanned PDF without text', 'skannad.pdf', makeImageOnlyPdf, /ingen text, bara bilder.*OCR/],
    [
      'a file over 5 MB',
      'stor.txt',
      async () => new Uint8Array(5 * 1024 * 1024 + 1).fill(65),
      /större än 5 MB/
    ],
    [
      'an old .doc file',
      'gammal.doc',
      async () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]),
      /\.docx eller PDF/
    ],
    [
      'a broken PDF',
      'trasig.pdf',
      async () => new TextEncoder().encode('%PDF-1.7 inget mer'),
      /går inte att öppna/
    ],
    [
      'a shopping list',
      'lista.txt',
      async () => new TextEncoder().encode('Inköp\n\nMjölk och bröd.'),
      /inte ut som ett medborgarlöfte/
    ]
  ])('gives a clear Swedish message for %s', async (_, name, bytes, message) => {
    await expect(readLoefte({ fileName: name, bytes: await bytes() })).rejects.toThrow(message);
  });
});
