import { createHash } from 'node:crypto';
import type { Target } from '../../../core';
import type { PublicationRule } from '../../db/schema';
import { cellText, parseDateCell, parseNumberCell } from '../../spreadsheet/cells';
import { columnLetter, type Grid } from '../../spreadsheet/grid';
import { activityFields, activityRuleProblems, publishAfter } from './activity.service';
import type { ImportField, ImportMapping } from '../../../core/import-mapping';
import { hoursToMinutes } from '../../../core/duration';

/** One thing wrong in a row, by spreadsheet row number and column (letter and header). */
export type RowProblem = {
  row: number;
  column: string | null;
  header: string | null;
  field: ImportField;
  message: string;
};

/** A measure as one plan revision has it: what rows against it must satisfy and how they publish. */
export type MeasureVersion = { target: Target; publication: PublicationRule; delayDays: number };

/** The agreement's measures: find one by title or key, and its version in force on a day. */
export type MeasureCatalogue = {
  keyOf: (titleOrKey: string) => string | undefined;
  versionOn: (key: string, date: string) => MeasureVersion;
};

/** A row that passed every check, ready to store. */
export type ImportCandidate = {
  row: number;
  measureKey: string;
  date: string;
  count: number;
  shifts: number;
  /** How long it took, in minutes; null when the row gives no time. */
  durationMinutes: number | null;
  grade: string | null;
  place: string | null;
  note: string | null;
  publication: PublicationRule;
  publishAfter: string;
  idempotencyKey: string;
  /** The id in the file's id column (the product's own export has one), if any. */
  sourceId: string | null;
};

type Rules = { agreementId: string; today: string; periodStart: string; periodEnd: string };

/**
 * Checks every row against the same rules as logging an activity. Each good row gets an
 * idempotency key from its content and how many identical rows came before it in the file, so
 * importing the same file again finds every row already stored.
 */
export function checkRows(
  grid: Grid,
  mapping: ImportMapping,
  measures: MeasureCatalogue,
  rules: Rules
): { good: ImportCandidate[]; problems: RowProblem[]; badRows: number } {
  const good: ImportCandidate[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  let badRows = 0;
  for (const { n, cells } of grid.rows) {
    const at = (f: ImportField) => (mapping[f] === undefined ? undefined : cells[mapping[f]!]);
    const rowProblems: RowProblem[] = [];
    const problem = (field: ImportField, message: string) => {
      const c = mapping[field];
      rowProblems.push({
        row: n,
        column: c === undefined ? null : columnLetter(c),
        header: c === undefined ? null : grid.header[c] || null,
        field,
        message
      });
    };
    const name = cellText(at('measure'));
    const key = name ? measures.keyOf(name) : undefined;
    if (!name) problem('measure', 'Åtgärden saknas. Skriv åtgärdens namn eller nyckel.');
    else if (!key) problem('measure', `Åtgärden "${name}" finns inte i överenskommelsens plan.`);
    const date = parseDateCell(at('date'));
    if (!date)
      problem(
        'date',
        cellText(at('date'))
          ? `"${cellText(at('date'))}" är inget datum. Skriv ÅÅÅÅ-MM-DD eller D/M/ÅÅÅÅ.`
          : 'Datumet saknas. Skriv ÅÅÅÅ-MM-DD.'
      );
    const count = parseNumberCell(at('count'));
    const shifts = parseNumberCell(at('shifts'));
    // Counts are whole numbers: a decimal comma is read, then named as a decimal, not as "not a number".
    const fraction = (x: number | undefined) =>
      x !== undefined && !Number.isNaN(x) && !Number.isInteger(x);
    const decimal = (x: number) => String(x).replace('.', ',');
    if (Number.isNaN(count)) problem('count', 'Skriv antalet som ett heltal, till exempel 2.');
    else if (fraction(count))
      problem('count', `Antalet ska vara ett heltal (${decimal(count!)} är ett decimaltal).`);
    const badShifts =
      Number.isNaN(shifts) || fraction(shifts) || (shifts !== undefined && shifts < 0);
    if (fraction(shifts))
      problem(
        'shifts',
        `Antalet pass ska vara ett heltal (${decimal(shifts!)} är ett decimaltal).`
      );
    else if (badShifts) problem('shifts', 'Skriv antalet pass som ett heltal, till exempel 1.');
    const hoursCell = at('hours');
    const minutes = hoursToMinutes(typeof hoursCell === 'number' ? hoursCell : cellText(hoursCell));
    if (minutes === 'invalid')
      problem(
        'hours',
        `"${cellText(hoursCell)}" är ingen tid. Skriv timmar med decimalkomma, till exempel 1,5, eller 1:30 (högst 1000 timmar).`
      );
    const fields = activityFields.safeParse({
      count: Number.isNaN(count) || fraction(count) ? undefined : count,
      shifts: badShifts ? undefined : shifts,
      grade: cellText(at('grade')) || undefined,
      place: cellText(at('place')) || undefined,
      note: cellText(at('note')) || undefined
    });
    if (!fields.success)
      for (const i of fields.error.issues) problem(i.path[0] as ImportField, i.message);
    let version: MeasureVersion | undefined;
    if (key && date && fields.success) {
      version = measures.versionOn(key, date);
      const v = fields.data;
      for (const p of activityRuleProblems(
        { date, shifts: v.shifts, grade: v.grade },
        { ...rules, target: version.target }
      ))
        problem(p.field as ImportField, p.message);
    }
    if (
      rowProblems.length ||
      !key ||
      !date ||
      !fields.success ||
      !version ||
      minutes === 'invalid'
    ) {
      badRows++;
      problems.push(...rowProblems);
      continue;
    }
    const v = fields.data;
    const content = [
      rules.agreementId,
      key,
      date,
      v.count,
      v.shifts ?? 0,
      v.grade || null,
      v.place || null,
      v.note || null,
      // Only a row with a time adds it, so files imported before durations keep their keys.
      ...(minutes !== null ? [minutes] : [])
    ];
    const same = JSON.stringify(content);
    const occurrence = seen.get(same) ?? 0;
    seen.set(same, occurrence + 1);
    good.push({
      row: n,
      measureKey: key,
      date,
      count: v.count,
      shifts: v.shifts ?? 0,
      durationMinutes: minutes,
      grade: v.grade || null,
      place: v.place || null,
      note: v.note || null,
      publication: version.publication,
      publishAfter: publishAfter(version.publication, date, version.delayDays),
      idempotencyKey: `import:${createHash('sha256').update(`${same}#${occurrence}`).digest('hex')}`,
      sourceId: cellText(at('id')) || null
    });
  }
  return { good, problems, badRows };
}
