import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { declaredUnpackedSize, unpacksWithin } from './zip-guard';
import { readXlsx } from './spreadsheet/xlsx';

/** A one-entry ZIP whose central directory declares `size` unpacked bytes (stored, no data). */
function zipDeclaring(size: number): Uint8Array {
  const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
  const local = new Uint8Array(30 + name.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint32(24, size, true);
  cv.setUint16(28, name.length, true);
  central.set(name, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length, true);
  const out = new Uint8Array(local.length + central.length + end.length);
  out.set(local, 0);
  out.set(central, local.length);
  out.set(end, local.length + central.length);
  return out;
}

describe('the zip guard', () => {
  it('reads the unpacked size a real workbook declares', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Aktiviteter').addRow(['Datum', 'Åtgärd']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const size = declaredUnpackedSize(bytes)!;
    expect(size).toBeGreaterThan(bytes.byteLength);
    expect(unpacksWithin(bytes, size)).toBe(true);
    expect(unpacksWithin(bytes, size - 1)).toBe(false);
  });

  it('refuses a small file that declares gigabytes, and anything that is not a ZIP', async () => {
    const bomb = zipDeclaring(0xfffffff0);
    expect(bomb.byteLength).toBeLessThan(200);
    expect(declaredUnpackedSize(bomb)).toBe(0xfffffff0);
    expect(unpacksWithin(bomb, 200 * 1024 * 1024)).toBe(false);
    expect(declaredUnpackedSize(new TextEncoder().encode('Datum;Åtgärd\n'))).toBeNull();
    await expect(readXlsx(bomb)).rejects.toThrow(/för stor uppackad/);
  });
});
