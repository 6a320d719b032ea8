import { sql } from 'kysely';
import type { Ctx } from '../src/lib/server/context';
import { stockholmDate } from '../src/lib/core/stockholm-date';
import { BENCH_SPAN } from './activities';

/**
 * The query dailyTallies builds for the public follow-up (activity.repository.ts), written out so
 * it can be explained: with the hours columns (migration 0021) and the publication filter.
 */
const talliesQuery = (agreementId: string, publicOn: string) => sql`
  select measure_key, occurred_on, grade, sum(count) as count, sum(shifts) as shifts,
    sum(duration_minutes) as minutes,
    sum(case when duration_minutes is null then count else 0 end) as untimed
  from activities
  where agreement_id = ${agreementId} and occurred_on >= ${BENCH_SPAN.start}
    and occurred_on <= ${BENCH_SPAN.end} and deleted_at is null
    and publication != 'internal' and publish_after <= ${publicOn}
  group by measure_key, occurred_on, grade
  order by occurred_on`;

/** The engine's plan for the day-tallies query: SQLite's query plan, PostgreSQL's EXPLAIN ANALYZE. */
export async function explainTallies(ctx: Ctx, agreementId: string): Promise<string[]> {
  const publicOn = stockholmDate(ctx.now());
  if (ctx.dbKind === 'sqlite') {
    const r = await sql<{
      detail: string;
    }>`explain query plan ${talliesQuery(agreementId, publicOn)}`.execute(ctx.db);
    return r.rows.map((x) => x.detail);
  }
  const r = await sql<{
    'QUERY PLAN': string;
  }>`explain (analyze, buffers, costs off) ${talliesQuery(agreementId, publicOn)}`.execute(ctx.db);
  return r.rows.map((x) => x['QUERY PLAN']);
}

/** Row counts to check the load: all activities, and the measured agreement's. */
export async function countActivities(ctx: Ctx, agreementId: string) {
  const row = await ctx.db
    .selectFrom('activities')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn
        .count<number>(eb.case().when('agreement_id', '=', agreementId).then(1).end())
        .as('agreement')
    ])
    .executeTakeFirstOrThrow();
  const agreements = await ctx.db
    .selectFrom('agreements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    all: Number(row.all),
    agreement: Number(row.agreement),
    agreements: Number(agreements.n)
  };
}
