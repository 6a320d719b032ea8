import { sql } from 'kysely';
import type { Ctx } from '../src/lib/server/context';
import { BENCH_SPAN } from './activities';

/** The query dailyTallies builds (activity.repository.ts), written out so it can be explained. */
const talliesQuery = (agreementId: string) => sql`
  select measure_key, occurred_on, grade, sum(count) as count, sum(shifts) as shifts
  from activities
  where agreement_id = ${agreementId} and occurred_on >= ${BENCH_SPAN.start}
    and occurred_on <= ${BENCH_SPAN.end} and deleted_at is null
  group by measure_key, occurred_on, grade
  order by occurred_on`;

/** The engine's plan for the day-tallies query: SQLite's query plan, PostgreSQL's EXPLAIN ANALYZE. */
export async function explainTallies(ctx: Ctx, agreementId: string): Promise<string[]> {
  if (ctx.dbKind === 'sqlite') {
    const r = await sql<{
      detail: string;
    }>`explain query plan ${talliesQuery(agreementId)}`.execute(ctx.db);
    return r.rows.map((x) => x.detail);
  }
  const r = await sql<{
    'QUERY PLAN': string;
  }>`explain (analyze, buffers, costs off) ${talliesQuery(agreementId)}`.execute(ctx.db);
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
