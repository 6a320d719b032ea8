import type { Executor } from '../../../context';
import type { AccessibilityReportTable } from '../../schema';

/** Stores one report. */
export const insertReport = (db: Executor, row: AccessibilityReportTable) =>
  db.insertInto('accessibility_reports').values(row).execute();

/** How many reports came in since an instant. */
export async function countReportsSince(db: Executor, since: string): Promise<number> {
  const row = await db
    .selectFrom('accessibility_reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
