import type { Cell } from './grid';

/** A cell as trimmed text ('' when empty). */
export const cellText = (c: Cell | undefined): string =>
  c === null || c === undefined ? '' : String(c).trim();

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A calendar date from a cell: YYYY-MM-DD (a time after it is ignored), D/M/YYYY or D.M.YYYY
 * (day first, as in Sweden), a date cell, or an Excel serial number. Null when it is none of them.
 */
export function parseDateCell(c: Cell | undefined): string | null {
  if (typeof c === 'number') {
    if (!Number.isInteger(c) || c < 1 || c > 2_958_465) return null;
    return new Date(Date.UTC(1899, 11, 30) + c * 86_400_000).toISOString().slice(0, 10);
  }
  const s = cellText(c);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(s);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return validDay(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/**
 * A number from a cell, allowing a decimal comma and spaces between thousands ("1 000,0").
 * Undefined when empty, NaN when not a number.
 */
export function parseNumberCell(c: Cell | undefined): number | undefined {
  if (typeof c === 'number') return c;
  const s = cellText(c).replace(/[\s\u00a0]/g, '');
  if (!s) return undefined;
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}
