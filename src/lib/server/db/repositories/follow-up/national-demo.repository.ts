import { sql } from 'kysely';
import type { Executor } from '../../../context';
import type { ActivityTable } from '../../schema';

/** An activity as the national demo generator writes it (every column). */
export type DemoActivityRow = ActivityTable;

/**
 * Inserts many activities in one transaction, as multi-row inserts of `rowsPerInsert` rows
 * (15 columns: 1,000 rows are 15,000 parameters, within SQLite's and PostgreSQL's limits).
 */
export async function insertDemoActivities(
  db: Executor,
  rows: readonly DemoActivityRow[],
  rowsPerInsert = 1000
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += rowsPerInsert)
      await trx
        .insertInto('activities')
        .values(rows.slice(i, i + rowsPerInsert))
        .execute();
  });
}

/** How many agreements the national demo already has under its synthetic police areas. */
export async function countDemoNationalAgreements(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('agreements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('police_area_id', 'like', 'demo-lpo-%')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The planned tables' statistics, so PostgreSQL plans the roll-ups well after a bulk load. */
export async function analyseAfterBulkLoad(db: Executor, postgres: boolean): Promise<void> {
  if (postgres) await sql`analyze activities`.execute(db);
  else await sql`analyze`.execute(db);
}

/**
 * SQLite: a 256 MB page cache on this connection while bulk-loading (the indexes stay in memory),
 * back to the default after. PostgreSQL: nothing (its buffers are the server's).
 */
export async function bulkLoadCache(db: Executor, postgres: boolean, on: boolean): Promise<void> {
  if (postgres) return;
  await sql.raw(`pragma cache_size = ${on ? -262144 : -2000}`).execute(db);
}
