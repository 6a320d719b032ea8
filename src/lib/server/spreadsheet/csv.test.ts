import { describe, expect, it } from 'vitest';
import { csvLine, decodeText, detectDelimiter, parseCsv } from './csv';

describe('reading CSV', () => {
  it('strips a byte-order mark and falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0xa5]))).toBe('å');
    expect(decodeText(new Uint8Array([0xc5]))).toBe('Å');
  });

  it('decodes what Swedish Excel writes in Windows-1252: dashes, the euro sign and quotes', () => {
    // "Möte 1–2 € ”ok”" as Excel's "CSV (semikolonavgränsad)" writes it
    const bytes = new Uint8Array([
      0x4d, 0xf6, 0x74, 0x65, 0x20, 0x31, 0x96, 0x32, 0x20, 0x80, 0x20, 0x94, 0x6f, 0x6b, 0x94
    ]);
    expect(decodeText(bytes)).toBe('Möte 1–2 € ”ok”');
    expect(decodeText(bytes)).not.toMatch(/[\u0080-\u009f]/);
  });

  it('picks the separator of the first line, ignoring separators inside quotes', () => {
    expect(detectDelimiter('Åtgärd;Datum;Antal\n1,5;2')).toBe(';');
    expect(detectDelimiter('"a;b;c",Datum,Antal\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('reads quoted fields with separators, doubled quotes and line breaks, and any line ending', () => {
    expect(parseCsv('a;"b;c";"sa ""hej"""\r\n"två\nrader";x\ry\n', ';')).toEqual([
      ['a', 'b;c', 'sa "hej"'],
      ['två\nrader', 'x'],
      ['y']
    ]);
    expect(parseCsv('a;b\n\nc;d', ';')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });
});

describe('writing CSV', () => {
  it('quotes what needs quoting and keeps formulas from running', () => {
    expect(csvLine(['a;b', 'sa "hej"', 3, null, '=SUMMA(A1)', '-2'])).toBe(
      '"a;b";"sa ""hej""";3;;\'=SUMMA(A1);\'-2\r\n'
    );
  });
});
