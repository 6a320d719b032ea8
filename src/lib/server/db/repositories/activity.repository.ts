import type { Executor } from '../../context';
import type { ActivityTable } from '../schema';

/** Inserts activities in batches. */
export async function insertActivities(db: Executor, rows: ActivityTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('activities')
      .values(rows.slice(i, i + 500))
      .execute();
}

/**
 * Day tallies of an agreement's activities between two dates, summed in SQL per measure, day and
 * grade (the index activities_agreement_measure_day covers it). Deleted activities do not count.
 */
export async function dailyTallies(
  db: Executor,
  agreementId: string,
  from: string,
  to: string,
  measureKeys?: string[]
) {
  let q = db
    .selectFrom('activities')
    .select((eb) => [
      'measure_key',
      'occurred_on',
      'grade',
      eb.fn.sum<number>('count').as('count'),
      eb.fn.sum<number>('shifts').as('shifts')
    ])
    .where('agreement_id', '=', agreementId)
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .where('deleted_at', 'is', null);
  if (measureKeys) {
    if (!measureKeys.length) return [];
    q = q.where('measure_key', 'in', measureKeys);
  }
  const rows = await q
    .groupBy(['measure_key', 'occurred_on', 'grade'])
    .orderBy('occurred_on')
    .execute();
  return rows.map((r) => ({
    measureKey: r.measure_key,
    date: r.occurred_on,
    grade: r.grade,
    count: Number(r.count),
    shifts: Number(r.shifts)
  }));
}

/** Whether an agreement has any demo activities. */
export async function hasDemoActivities(db: Executor, agreementId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('activities')
    .select('id')
    .where('agreement_id', '=', agreementId)
    .where('demo', '=', 1)
    .limit(1)
    .executeTakeFirst());
}
