/** Text helpers of the document importer: normalising, folding, keys, sentences, line shapes. */

/** One line of the normalised text with its 1-based number. */
export type Line = { n: number; text: string };

/** Limits of what the importer reads (the service checks bytes; this guards the parser too). */
export const MAX_LINES = 20_000;

/**
 * Normalises extracted text: one kind of line break, no byte-order mark, no control or zero-width
 * characters, non-breaking spaces as spaces, tabs as two spaces, no trailing spaces, at most one
 * blank line in a row, no blank lines at the start or end. Line numbers refer to this text.
 */
export function normaliseText(raw: string): string {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\t/g, '  ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B-\u200D\u2060]/g, '')
    .split('\n')
    .map((l) => l.trimEnd());
  const out: string[] = [];
  for (const l of lines) {
    if (l === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(l);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** The normalised text as numbered lines. */
export const toLines = (normalised: string): Line[] =>
  normalised === '' ? [] : normalised.split('\n').map((text, i) => ({ n: i + 1, text }));

/** Lower case without accents, so "NORSJO" and "Norsjö" compare equal. */
export const fold = (s: string): string =>
  s
    .trim()
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** A key of a–z, digits and hyphens from Swedish words ("Märk-DNA" → "mark-dna"). */
export function slug(s: string, maxWords = 4): string {
  const words = fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, maxWords);
  return words.join('-').slice(0, 60).replace(/-+$/, '') || 'x';
}

/** Makes a key unique among `taken` by a numeric suffix; records it. */
export function uniqueKey(base: string, taken: Set<string>): string {
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base.slice(0, 56)}-${i}`;
  taken.add(key);
  return key;
}

/** Abbreviations that end in a full stop without ending a sentence. */
const ABBREVIATION_END =
  /(?:\b(?:fr\.o\.m|t\.o\.m|m\.fl|m\.m|bl\.a|t\.ex|o\.s\.v|osv|etc|ca|resp|s\.k|d\.v\.s|dvs))\.$/i;

/** Splits running text into sentences at ". " before a capital letter, keeping abbreviations. */
export function sentences(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]\s+(?=[A-ZÅÄÖ0-9"“])/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const candidate = s.slice(start, m.index + 1);
    if (ABBREVIATION_END.test(candidate)) continue;
    out.push(candidate.trim());
    start = m.index + m[0].length;
  }
  const rest = s.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** A title from a sentence: no final full stop unless it ends an abbreviation ("m.fl."). */
export const titleOf = (s: string): string => {
  const t = s.trim();
  return t.endsWith('.') && !ABBREVIATION_END.test(t) ? t.slice(0, -1).trim() : t;
};

/** Upper-cases the first letter. */
export const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);

const BULLET = /^(\s*)(?:[•·▪◦‣∙●○■□➢►\u2013\u2014*-]|\d{1,2}[.)]|[a-h]\))\s+(.*)$/;

/** The bullet's text and indentation when the line is a list item ("• …", "– …", "1. …"). */
export function bulletOf(line: string): { indent: number; text: string; numbered: boolean } | null {
  const m = BULLET.exec(line);
  if (!m || !m[2]) return null;
  const numbered = /^\s*\d/.test(line);
  return { indent: (m[1] ?? '').length, text: m[2].trim(), numbered };
}

/** Leading spaces. */
export const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * A heading: a short line standing alone that does not end like a sentence or a list lead-in.
 * Numbered lines count when short ("1. Trygg offentlig miljö").
 */
export function isHeadingText(t: string): boolean {
  const s = t.trim().replace(/^\d{1,2}[.)]\s+/, '');
  if (!s || s.length > 90 || /[.,;:)]$/.test(s) || /[.!?]\s/.test(s) || s.includes(' | '))
    return false;
  if (/^[•·▪◦‣∙●○■□➢►\u2013\u2014*-]\s/.test(s)) return false;
  if (!/^[A-ZÅÄÖ0-9]/.test(s)) return false;
  return s.split(/\s+/).length <= 10;
}

/** Joins the lines of a paragraph into running text. */
export const joinLines = (lines: Line[]): string =>
  lines
    .map((l) => l.text.trim())
    .filter(Boolean)
    .join(' ');

/** The span of a list of lines. */
export const spanOf = (lines: Line[]): [number, number] => {
  const first = lines[0]?.n ?? 1;
  return [first, lines[lines.length - 1]?.n ?? first];
};
