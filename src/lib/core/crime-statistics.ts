// Reading Brå's table of reported crimes (anmälda brott): pure, on records already split into
// cells. Decoding the file and splitting it into records is the server's (crime-statistics-reader.ts).

/** One row of reported crimes as read from Brå's table, before the municipality is resolved. */
export type BraRow = {
  line: number;
  municipality: string;
  category: string;
  year: number;
  count: number;
  per100k: number | null;
};

/** A line that could not be read, and why (in Swedish). */
export type BraProblem = { line: number; message: string };

/** What reading a table gives: its rows and the lines it could not read. */
export type BraReading = { rows: BraRow[]; problems: BraProblem[] };

/** The problem when no record looks like Brå's header row. */
export const BRA_NO_HEADER: BraProblem = {
  line: 1,
  message:
    'Hittar ingen rubrikrad med Kommun, Brottskategori och År/Antal (eller en kolumn per år). Ladda ner tabellen från Brå som CSV.'
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const HEADERS = {
  municipality: /^(kommun|kommunnamn|kommunkod|region|område)$/,
  category: /^(brottskategori|brottstyp|brott|kategori|brottsrubricering)$/,
  year: /^(år|year|period)$/,
  count: /^(antal|antal brott|antal anmälda brott|anmälda brott|count)$/,
  per100k: /per 100 ?000|\/100 ?000/
} as const;

type Columns = {
  municipality: number;
  category: number;
  year: number;
  count: number;
  per100k: number;
  years: { col: number; year: number }[];
};

function columnsOf(header: string[]): Columns | null {
  const find = (re: RegExp) => header.findIndex((h) => re.test(norm(h)));
  const c = {
    municipality: find(HEADERS.municipality),
    category: find(HEADERS.category),
    year: find(HEADERS.year),
    count: find(HEADERS.count),
    per100k: find(HEADERS.per100k),
    // Brå's wide tables put the years as columns: "Kommun;Brottskategori;2015;2016;…".
    years: header
      .map((h, col) => ({ col, m: /^(19|20)\d\d$/.exec(h.trim()) }))
      .filter((y) => y.m)
      .map((y) => ({ col: y.col, year: Number(y.m![0]) }))
  };
  if (c.municipality < 0 || c.category < 0) return null;
  if (c.year >= 0 && c.count >= 0) return c;
  return c.years.length ? c : null;
}

/**
 * A count cell: "1 234", "1 234" (no-break space), "12,0"; NaN when not a number; null for
 * Brå's marks of a missing value (.., –, -, x) and for an empty cell.
 */
export function braCount(cell: string): number | null {
  const s = cell.trim();
  if (!s || /^(\.\.|–|-|x|\.)$/i.test(s)) return null;
  const compact = s.replace(/[\s\u00a0]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return Number.NaN;
  return Number(compact.replace(',', '.'));
}

/**
 * Reads Brå's table of reported crimes per municipality, category and year from its records
 * (one array of cells per line), or null when no record is a header row. Title lines above the
 * header are skipped; the table may be long (År, Antal, Per 100 000 inv.) or wide (a column per
 * year). Lines it cannot read are reported with their line number, never silently dropped.
 */
export function readBraRecords(records: string[][]): BraReading | null {
  const at = records.findIndex((r) => r.length >= 3 && columnsOf(r) !== null);
  if (at < 0) return null;
  return readRecords(records, at, columnsOf(records[at]!)!);
}

function readRecords(records: string[][], at: number, c: Columns): BraReading {
  const rows: BraRow[] = [];
  const problems: BraProblem[] = [];
  records.slice(at + 1).forEach((r, i) => {
    const line = at + 2 + i;
    if (r.every((v) => !v.trim())) return;
    const municipality = (r[c.municipality] ?? '').trim();
    const category = (r[c.category] ?? '').trim();
    if (!municipality || !category) {
      // Footnotes under the table ("Källa: Brå") have one cell only.
      if (r.filter((v) => v.trim()).length > 1)
        problems.push({ line, message: 'Kommun eller brottskategori saknas.' });
      return;
    }
    const cells =
      c.year >= 0 && c.count >= 0
        ? [
            {
              yearText: (r[c.year] ?? '').trim(),
              year: Number((r[c.year] ?? '').trim()),
              count: r[c.count] ?? '',
              per: c.per100k >= 0 ? (r[c.per100k] ?? '') : ''
            }
          ]
        : c.years.map((y) => ({
            yearText: String(y.year),
            year: y.year,
            count: r[y.col] ?? '',
            per: ''
          }));
    for (const cell of cells) {
      if (!Number.isInteger(cell.year) || cell.year < 1950 || cell.year > 2100) {
        problems.push({ line, message: `Året "${cell.yearText}" är inte ett årtal som 2018.` });
        continue;
      }
      const count = braCount(cell.count);
      if (count === null) continue;
      if (Number.isNaN(count) || count < 0 || !Number.isInteger(count)) {
        problems.push({ line, message: `Antalet "${cell.count}" är inte ett heltal.` });
        continue;
      }
      const per = braCount(cell.per);
      rows.push({
        line,
        municipality,
        category,
        year: cell.year,
        count,
        per100k: per === null || Number.isNaN(per) ? null : per
      });
    }
  });
  return { rows, problems };
}
