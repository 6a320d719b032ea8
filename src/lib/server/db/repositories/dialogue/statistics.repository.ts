import type { Executor } from '../../../context';
import type { CrimeStatisticTable, PoliceEventTable, StatisticImportTable } from '../../schema';

export const insertImport = (db: Executor, row: StatisticImportTable) =>
  db.insertInto('statistic_imports').values(row).execute();

export const finishImport = (db: Executor, id: string, patch: Partial<StatisticImportTable>) =>
  db.updateTable('statistic_imports').set(patch).where('id', '=', id).execute();

/** Imports of a kind, newest first. */
export const recentImports = (db: Executor, kind: StatisticImportTable['kind'], limit: number) =>
  db
    .selectFrom('statistic_imports')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();

/** The stored statistics of some municipalities, keyed for an upsert. */
export const crimeStatisticKeys = (db: Executor, municipalityIds: string[]) =>
  municipalityIds.length
    ? db
        .selectFrom('crime_statistics')
        .select(['id', 'municipality_id', 'category', 'year', 'count', 'per_100k'])
        .where('municipality_id', 'in', municipalityIds)
        .execute()
    : Promise.resolve([]);

export const insertCrimeStatistics = async (db: Executor, rows: CrimeStatisticTable[]) => {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('crime_statistics')
      .values(rows.slice(i, i + 500))
      .execute();
};

export const updateCrimeStatistic = (
  db: Executor,
  id: string,
  patch: Partial<CrimeStatisticTable>
) => db.updateTable('crime_statistics').set(patch).where('id', '=', id).execute();

/** Reported crimes of a municipality per category and year, within years. */
export const crimeCounts = (
  db: Executor,
  municipalityId: string,
  fromYear: number,
  toYear: number
) =>
  db
    .selectFrom('crime_statistics')
    .select(['category', 'year', 'count', 'per_100k', 'demo'])
    .where('municipality_id', '=', municipalityId)
    .where('year', '>=', fromYear)
    .where('year', '<=', toYear)
    .orderBy('category')
    .orderBy('year')
    .execute();

/** Stored events with these source ids. */
export const eventsBySourceId = (db: Executor, sourceIds: string[]) =>
  sourceIds.length
    ? db
        .selectFrom('police_events')
        .select(['id', 'source_id', 'occurred_at', 'name', 'summary', 'type', 'location_name'])
        .where('source_id', 'in', sourceIds)
        .execute()
    : Promise.resolve([]);

export const insertPoliceEvent = (db: Executor, row: PoliceEventTable) =>
  db.insertInto('police_events').values(row).execute();

export const updatePoliceEvent = (db: Executor, id: string, patch: Partial<PoliceEventTable>) =>
  db.updateTable('police_events').set(patch).where('id', '=', id).execute();

/** Events at a location (a municipality's name) per type within instants. */
export const eventCountsByType = (db: Executor, location: string, from: string, to: string) =>
  db
    .selectFrom('police_events')
    .select(['type'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('location_name', '=', location)
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .groupBy('type')
    .orderBy('type')
    .execute();

/** Ensures the poller's row exists (its last call far in the past). */
export const ensurePollerRow = (db: Executor, name: string) =>
  db
    .insertInto('police_event_poller')
    .values({ name, last_call_at: '1970-01-01T00:00:00.000Z' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();

/** Calls made by polling since an instant. */
export const pollCallsSince = async (db: Executor, since: string) =>
  Number(
    (
      await db
        .selectFrom('statistic_imports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'police-events')
        .where('origin', '=', 'poll')
        .where('started_at', '>', since)
        .executeTakeFirst()
    )?.n ?? 0
  );

/**
 * Takes the poller's next call slot with one conditional UPDATE: only when the last call was at
 * or before `latest`. Of several servers at once exactly one gets it (as with job locks).
 */
export async function claimPollSlot(db: Executor, name: string, now: string, latest: string) {
  const r = await db
    .updateTable('police_event_poller')
    .set({ last_call_at: now })
    .where('name', '=', name)
    .where('last_call_at', '<=', latest)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
