import type { Executor } from '../../../context';
import { coalesced } from '../../coalesce';
import type { ActivityTable, AgreementTable, MeasureTable } from '../../schema';

/** What logging an activity needs to know of its measure, found in one round trip. */
export type MeasureForLogging = Pick<
  MeasureTable,
  'measure_key' | 'target_json' | 'publication_rule' | 'publication_delay_days'
> &
  Pick<AgreementTable, 'period_start' | 'period_end'> & {
    agreement_id: string;
    /** The agreement's municipalities and its police area: the organisations that may log. */
    organisationIds: string[];
  };

/**
 * These measures with their agreements' periods and parties, in one query (one row per
 * municipality of an agreement), by measure id.
 */
async function measuresForLogging(
  db: Executor,
  measureIds: string[]
): Promise<Map<string, MeasureForLogging>> {
  const rows = await db
    .selectFrom('measures as m')
    .innerJoin('plan_revisions as r', 'r.id', 'm.revision_id')
    .innerJoin('agreements as a', 'a.id', 'r.agreement_id')
    .leftJoin('agreement_municipalities as am', 'am.agreement_id', 'a.id')
    .select([
      'm.id',
      'm.measure_key',
      'm.target_json',
      'm.publication_rule',
      'm.publication_delay_days',
      'a.id as agreement_id',
      'a.period_start',
      'a.period_end',
      'a.police_area_id',
      'am.municipality_id'
    ])
    .where('m.id', 'in', measureIds)
    .execute();
  const measures = new Map<string, MeasureForLogging>();
  for (const { id, municipality_id, police_area_id, ...measure } of rows) {
    let found = measures.get(id);
    if (!found) {
      found = { ...measure, organisationIds: police_area_id ? [police_area_id] : [] };
      measures.set(id, found);
    }
    if (municipality_id) found.organisationIds.push(municipality_id);
  }
  return measures;
}

/**
 * A measure with its agreement's period and the organisations that may log it: the busiest write
 * path asks this on every activity, so the lookups of one turn of the event loop go in one query
 * (db/coalesce.ts).
 */
export const measureForLogging = (db: Executor, measureId: string) =>
  coalesced(db, measuresForLogging, measureId);

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
 * `minutes` sums logged durations; `untimed` counts activities logged without one.
 */
export async function dailyTallies(
  db: Executor,
  agreementId: string,
  from: string,
  to: string,
  measureKeys?: string[],
  /** Count only what the publication rules have made public on this day. */
  publicOn?: string
) {
  let q = db
    .selectFrom('activities')
    .select((eb) => [
      'measure_key',
      'occurred_on',
      'grade',
      eb.fn.sum<number>('count').as('count'),
      eb.fn.sum<number>('shifts').as('shifts'),
      eb.fn.sum<number | null>('duration_minutes').as('minutes'),
      eb.fn
        .sum<number>(
          eb.case().when('duration_minutes', 'is', null).then(eb.ref('count')).else(0).end()
        )
        .as('untimed')
    ])
    .where('agreement_id', '=', agreementId)
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .where('deleted_at', 'is', null);
  if (publicOn) q = q.where('publication', '!=', 'internal').where('publish_after', '<=', publicOn);
  if (measureKeys) {
    if (!measureKeys.length) return [];

    q = q.where('measure_key', 'in', measureKeys);
  }
  // In the grouping's own order (no sort step): each measure's days together, in date order.
  const rows = await q
    .groupBy(['measure_key', 'occurred_on', 'grade'])
    .orderBy('measure_key')
    .orderBy('occurred_on')
    .orderBy('grade')
    .execute();
  return rows.map((r) => ({
    measureKey: r.measure_key,
    date: r.occurred_on,
    grade: r.grade,
    count: Number(r.count),
    shifts: Number(r.shifts),
    minutes: Number(r.minutes ?? 0),
    untimed: Number(r.untimed ?? 0)
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

/**
 * Inserts activities in one statement, skipping any whose idempotency key is already stored (or
 * repeated in the batch); returns the ids inserted.
 */
export async function insertActivitiesUnlessKeysStored(
  db: Executor,
  rows: ActivityTable[]
): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const inserted = await db
    .insertInto('activities')
    .values(rows)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

/** One activity by id. */
export const findActivity = (db: Executor, id: string) =>
  db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();

/** The activities stored with these idempotency keys, by key. */
async function activitiesByIdempotencyKey(db: Executor, keys: string[]) {
  const rows = await db
    .selectFrom('activities')
    .selectAll()
    .where('idempotency_key', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.idempotency_key!, r]));
}

/**
 * The activity a client already sent with this idempotency key, if any: asked on every activity
 * an offline queue sends, so the lookups of one turn go in one query (db/coalesce.ts).
 */
export const findByIdempotencyKey = (db: Executor, key: string) =>
  coalesced(db, activitiesByIdempotencyKey, key);

/** Changes an activity. */
export const updateActivityRow = (db: Executor, id: string, patch: Partial<ActivityTable>) =>
  db.updateTable('activities').set(patch).where('id', '=', id).execute();

/** Filters for listing activities. */
export type ActivityFilter = {
  agreementIds: string[];
  measureKey?: string;
  from?: string;
  to?: string;
  partyId?: string;
  includeDeleted?: boolean;
  createdBy?: string;
  /** Only what the public may see on `today`. */
  publicOn?: string;
  /** Leave these measures out (internal measures, for anyone outside the agreement). */
  excludeMeasureKeys?: string[];
};

/** A page of activities, newest first, with the total count. */
export async function listActivityRows(
  db: Executor,
  f: ActivityFilter,
  limit: number,
  offset: number
) {
  if (!f.agreementIds.length) return { rows: [], total: 0 };
  let q = db.selectFrom('activities').where('agreement_id', 'in', f.agreementIds);
  if (f.measureKey) q = q.where('measure_key', '=', f.measureKey);
  if (f.from) q = q.where('occurred_on', '>=', f.from);
  if (f.to) q = q.where('occurred_on', '<=', f.to);
  if (f.partyId)
    q = q.where((eb) =>
      eb.or([
        eb('organisation_id', '=', f.partyId!),
        eb('party_ids', 'like', `%"${f.partyId!.replace(/[%_"]/g, '')}"%`)
      ])
    );
  if (!f.includeDeleted) q = q.where('deleted_at', 'is', null);
  if (f.createdBy) q = q.where('created_by', '=', f.createdBy);
  if (f.excludeMeasureKeys?.length) q = q.where('measure_key', 'not in', f.excludeMeasureKeys);

  // One by one the public sees only activities published as such; monthly ones only as counts.
  if (f.publicOn)
    q = q
      .where('publication', 'in', ['public', 'delayed'])
      .where('publish_after', '<=', f.publicOn);
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('occurred_on', 'desc')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ]);
  return { rows, total: Number(total.n) };
}

/** The measure keys a user logged most recently, most recent first. */
export async function recentMeasureKeys(
  db: Executor,
  userId: string,
  limit = 5
): Promise<string[]> {
  const rows = await db
    .selectFrom('activities')
    .select((eb) => ['measure_key', eb.fn.max('created_at').as('last')])
    .where('created_by', '=', userId)
    .groupBy('measure_key')
    .orderBy('last', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.measure_key);
}

/**
 * Inserts activities in batches, skipping any whose idempotency key is already stored (in SQL, so
 * a re-import never loads the agreement's activities). Returns how many were new.
 */
export async function insertActivitiesSkippingExisting(
  db: Executor,
  rows: ActivityTable[]
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db
      .insertInto('activities')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/**
 * One page of an agreement's activities in date order, after a (date, id) cursor: keyset paging
 * stays stable and cheap however many pages an export reads. Deleted activities are left out.
 */
export function activityRowsAfter(
  db: Executor,
  f: {
    agreementId: string;
    from?: string;
    to?: string;
    publicOn?: string;
    excludeMeasureKeys?: string[];
  },
  after: { date: string; id: string } | null,
  limit: number
) {
  let q = db
    .selectFrom('activities')
    .selectAll()
    .where('agreement_id', '=', f.agreementId)
    .where('deleted_at', 'is', null);
  if (f.from) q = q.where('occurred_on', '>=', f.from);
  if (f.to) q = q.where('occurred_on', '<=', f.to);
  if (f.excludeMeasureKeys?.length) q = q.where('measure_key', 'not in', f.excludeMeasureKeys);
  // One by one the public sees only activities published as such; monthly ones only as counts.
  if (f.publicOn)
    q = q
      .where('publication', 'in', ['public', 'delayed'])
      .where('publish_after', '<=', f.publicOn);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('occurred_on', '>', after.date),
        eb.and([eb('occurred_on', '=', after.date), eb('id', '>', after.id)])
      ])
    );
  return q.orderBy('occurred_on').orderBy('id').limit(limit).execute();
}

/**
 * The measure-and-day pairs (as "key|YYYY-MM-DD") in a date range that hold an activity logged
 * by hand or through the API (not by a spreadsheet import), one row per pair, grouped in SQL.
 */
export async function daysLoggedOtherwise(
  db: Executor,
  agreementId: string,
  range: { from: string; to: string },
  measureKeys: string[]
): Promise<Set<string>> {
  if (!measureKeys.length) return new Set();
  const rows = await db
    .selectFrom('activities')
    .select(['measure_key', 'occurred_on'])
    .where('agreement_id', '=', agreementId)
    .where('deleted_at', 'is', null)
    .where('occurred_on', '>=', range.from)
    .where('occurred_on', '<=', range.to)
    .where('measure_key', 'in', measureKeys)
    .where((eb) =>
      eb.or([eb('idempotency_key', 'is', null), eb('idempotency_key', 'not like', 'import:%')])
    )
    .groupBy(['measure_key', 'occurred_on'])
    .execute();
  return new Set(rows.map((r) => `${r.measure_key}|${r.occurred_on}`));
}

/** How many of these idempotency keys are already stored (counted in SQL, 500 keys at a time). */
/** Which of the ids belong to a stored activity (deleted ones too: they were stored once). */
export async function existingActivityIds(db: Executor, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('activities')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  return found;
}

export async function countStoredIdempotencyKeys(db: Executor, keys: string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < keys.length; i += 500) {
    const r = await db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idempotency_key', 'in', keys.slice(i, i + 500))
      .executeTakeFirstOrThrow();
    n += Number(r.n);
  }
  return n;
}

/**
 * The keys of an agreement's measures that are internal in any of its plan revisions: their
 * activities are never shown one by one to anyone outside the agreement, on any channel.
 */
export async function internalMeasureKeys(db: Executor, agreementId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('measures')
    .innerJoin('plan_revisions', 'plan_revisions.id', 'measures.revision_id')
    .select('measures.measure_key')
    .distinct()
    .where('plan_revisions.agreement_id', '=', agreementId)
    .where('measures.visibility', '=', 'internal')
    .execute();
  return rows.map((r) => r.measure_key);
}
