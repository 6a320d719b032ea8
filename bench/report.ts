/**
 * The one benchmark report (issue 15 item 7): every case contributes rows, each a figure beside
 * its limit, and `bench/run.ts` writes them all as JSON and as a readable table.
 *
 * How a case contributes (one line per figure, as soon as it is measured):
 *
 * ```ts
 * import { addRow } from './report';
 * addRow({ case: 'writes', engine: 'sqlite', figure: 'activity writes over HTTP, 50 clients',
 *          value: 1234, unit: 'writes/s', limit: 1000, limitKind: 'min' });
 * ```
 *
 * - `limit` is what the figure is judged against: a fixed budget, or (better, on a shared machine)
 *   something measured in the same run, e.g. a ratio `value = page ÷ static file`, `unit: '×'`,
 *   `limit: 0.5`, `limitKind: 'min'`, with `against: 'static file, same server'`. `null` for a
 *   figure with no limit (a reference such as the aggregate itself).
 * - `limitKind: 'max'` passes when value ≤ limit, `'min'` when value ≥ limit. `pass` is computed
 *   from these unless given (give it when the verdict needs more than one number, e.g. "0 lost").
 * - `activities` (the database size) lets the table show how a figure grows from one size to the
 *   next (same case, figure and engine).
 * - The 1-minute load average is recorded with every row, when it is added.
 *
 * This API is stable: other cases rely on it. Add optional fields only.
 */
import { loadavg } from 'node:os';

export type LimitKind = 'max' | 'min';

/** One figure beside its limit. */
export type ReportRow = {
  /** The bench case that measured it: 'follow-up', 'national', 'writes', 'public-page', … */
  case: string;
  /** What was measured, in words; the same words at every size so growth can be shown. */
  figure: string;
  engine?: 'sqlite' | 'postgresql';
  /** Activities in the database when it was measured. */
  activities?: number;
  value: number;
  /** 'ms', '×' (a ratio), 'req/s', 'writes/s', 'MB', '%', … */
  unit: string;
  limit: number | null;
  limitKind: LimitKind;
  /** What the limit is, e.g. 'the single indexed aggregate, same run', 'budget'. */
  against?: string;
  /** Anything else worth keeping beside it (the two figures a ratio came from, p99, …). */
  note?: string;
  /** null when there is no limit. */
  pass: boolean | null;
  /** os.loadavg() when the row was added. */
  loadAverage: number[];
  at: string;
};

export type RowInput = Omit<ReportRow, 'pass' | 'loadAverage' | 'at'> & { pass?: boolean | null };

const rows: ReportRow[] = [];
let echo = true;

/** Whether addRow prints each row as it comes (on by default). */
export function echoRows(on: boolean): void {
  echo = on;
}

/** Judges a value against its limit. */
export function judge(value: number, limit: number | null, kind: LimitKind): boolean | null {
  if (limit === null || !Number.isFinite(value)) return limit === null ? null : false;
  return kind === 'max' ? value <= limit : value >= limit;
}

/** Adds one figure to the report (and prints it). Returns the stored row. */
export function addRow(input: RowInput): ReportRow {
  const row: ReportRow = {
    ...input,
    pass: input.pass !== undefined ? input.pass : judge(input.value, input.limit, input.limitKind),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    at: new Date().toISOString()
  };
  rows.push(row);
  if (echo) console.log(`  ${rowLine(row)}`);
  return row;
}

/** Every row added so far, in order. */
export function reportRows(): readonly ReportRow[] {
  return rows;
}

export function fmtValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits })} ${unit}`;
}

const verdict = (r: ReportRow) => (r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL');
const limitText = (r: ReportRow) =>
  r.limit === null
    ? '–'
    : `${r.limitKind === 'max' ? '≤' : '≥'} ${fmtValue(r.limit, r.unit)}${r.against ? ` (${r.against})` : ''}`;

/** One row as a printed line. */
export function rowLine(r: ReportRow): string {
  const where = [r.engine, r.activities !== undefined ? fmtInt(r.activities) : undefined]
    .filter(Boolean)
    .join(', ');
  return `${r.figure}${where ? ` [${where}]` : ''}: ${fmtValue(r.value, r.unit)}; limit ${limitText(r)} ${verdict(r)}${r.note ? `; ${r.note}` : ''} (load ${r.loadAverage[0]?.toFixed(2)})`;
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The readable table (Markdown): every row with its limit, verdict and load average. */
export function reportTable(list: readonly ReportRow[] = rows): string {
  if (!list.length) return '';
  const lines = [
    '| case | figure | engine | activities | value | limit | verdict | load (1 min) | note |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...list.map(
      (r) =>
        `| ${cell(r.case)} | ${cell(r.figure)} | ${r.engine ?? '–'} | ${r.activities !== undefined ? fmtInt(r.activities) : '–'} | ${fmtValue(r.value, r.unit)} | ${cell(limitText(r))} | ${verdict(r) || '–'} | ${r.loadAverage[0]?.toFixed(2) ?? '–'} | ${cell(r.note ?? '')} |`
    )
  ];
  const passed = list.filter((r) => r.pass === true).length;
  const failed = list.filter((r) => r.pass === false).length;
  lines.push(
    '',
    `${passed} PASS, ${failed} FAIL, ${list.length - passed - failed} without a limit.`
  );
  return lines.join('\n');
}

/** How each figure grows with the activities: the same case, figure and engine at every size. */
export function growthTable(list: readonly ReportRow[] = rows): string {
  const groups = new Map<string, ReportRow[]>();
  for (const r of list) {
    if (r.activities === undefined) continue;
    const key = `${r.case}\u0000${r.figure}\u0000${r.engine ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const sizes = [
    ...new Set(list.flatMap((r) => (r.activities === undefined ? [] : [r.activities])))
  ].sort((a, b) => a - b);
  const grown = [...groups.values()].filter((g) => new Set(g.map((r) => r.activities)).size > 1);
  if (!grown.length || sizes.length < 2) return '';
  const lines = [
    `| case | figure | engine | ${sizes.map(fmtInt).join(' | ')} | growth (largest ÷ smallest) |`,
    `| --- | --- | --- | ${sizes.map(() => '---').join(' | ')} | --- |`
  ];
  for (const g of grown) {
    const at = (n: number) => g.find((r) => r.activities === n);
    const present = sizes.filter((n) => at(n));
    const first = at(present[0]!)!;
    const last = at(present.at(-1)!)!;
    lines.push(
      `| ${cell(first.case)} | ${cell(first.figure)} | ${first.engine ?? '–'} | ${sizes
        .map((n) => {
          const r = at(n);
          return r
            ? `${fmtValue(r.value, r.unit)}${r.pass === null ? '' : r.pass ? ' ✓' : ' ✗'}`
            : '–';
        })
        .join(' | ')} | ${(last.value / first.value).toFixed(2)}× |`
    );
  }
  return lines.join('\n');
}
