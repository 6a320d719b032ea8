import { sql } from 'kysely';
import type { Executor } from '../../../context';

/**
 * Per month of due date (YYYY-MM), the approved observations of some agreements' walks that were
 * fixed on or before their due date, and those judged: fixed, or past due on `today`; 'won't fix'
 * and those without a due date are left out (the rule of `fixedWithinDue` in core, in SQL).
 * `from`/`to` bound the due dates. Walks are found by `walks_agreement_idx`, their observations
 * by `walk_observations_walk_idx`.
 */
export async function fixedInTimeByMonth(
  db: Executor,
  agreementIds: string[],
  today: string,
  window: { from: string; to: string }
): Promise<{ month: string; fixedInTime: number; judged: number }[]> {
  if (!agreementIds.length) return [];
  const fixed = sql<boolean>`o.status = ${'åtgärdad'} and o.fixed_on is not null`;
  const rows = await db
    .selectFrom('walk_observations as o')
    .innerJoin('walks as w', 'w.id', 'o.walk_id')
    .select([
      sql<string>`substr(o.due_on, 1, 7)`.as('month'),
      sql<string | number>`sum(case when ${fixed} and o.fixed_on <= o.due_on then 1 else 0 end)`.as(
        'fixed_in_time'
      ),
      sql<string | number>`sum(case when ${fixed} or o.due_on < ${today} then 1 else 0 end)`.as(
        'judged'
      )
    ])
    .where('w.agreement_id', 'in', agreementIds)
    .where('o.public_approved', '=', 1)
    .where('o.due_on', 'is not', null)
    .where('o.status', '!=', 'åtgärdas inte')
    .where('o.due_on', '>=', window.from)
    .where('o.due_on', '<=', window.to)
    .groupBy(sql`substr(o.due_on, 1, 7)`)
    .orderBy(sql`substr(o.due_on, 1, 7)`)
    .execute();
  return rows
    .map((r) => ({
      month: r.month,
      fixedInTime: Number(r.fixed_in_time),
      judged: Number(r.judged)
    }))
    .filter((r) => r.judged > 0);
}

/**
 * The status history of the approved observations of some agreements' walks, oldest first per
 * observation, with what the public protocol shows of each (no authors, no notes: a note may
 * name people). For the municipality's feed.
 */
export const approvedStatusHistory = (db: Executor, agreementIds: string[]) => {
  if (!agreementIds.length) return Promise.resolve([]);
  return db
    .selectFrom('walk_observation_updates as u')
    .innerJoin('walk_observations as o', 'o.id', 'u.observation_id')
    .innerJoin('walks as w', 'w.id', 'o.walk_id')
    .select([
      'u.id',
      'u.status',
      'u.created_at',
      'o.id as observation_id',
      'o.category',
      'o.description',
      'o.fixed_on',
      'w.id as walk_id',
      'w.agreement_id',
      'w.kind',
      'w.area',
      'w.starts_at'
    ])
    .where('w.agreement_id', 'in', agreementIds)
    .where('o.public_approved', '=', 1)
    .orderBy('o.id')
    .orderBy('u.created_at')
    .orderBy('u.id')
    .execute();
};

/** How many places residents pointed out before each of some walks (walk id → count). */
export async function tipCountsOf(db: Executor, walkIds: string[]): Promise<Map<string, number>> {
  if (!walkIds.length) return new Map();
  const rows = await db
    .selectFrom('walk_tips')
    .select(['walk_id', db.fn.countAll<string | number>().as('n')])
    .where('walk_id', 'in', walkIds)
    .groupBy('walk_id')
    .execute();
  return new Map(rows.map((r) => [r.walk_id, Number(r.n)]));
}
