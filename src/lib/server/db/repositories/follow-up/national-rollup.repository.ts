import type { Executor } from '../../../context';
import type {
  RollupAgreementTable,
  RollupMeasureFocusTable,
  RollupMeasureTable,
  RollupStateTable
} from '../../schema';

/** Signed or ended agreements whose period touches the year (the roll-up's agreements). */
export const agreementsInYear = (db: Executor, year: number) =>
  db
    .selectFrom('agreements')
    .select(['id', 'period_start', 'period_end', 'police_area_id'])
    .where('status', '!=', 'draft')
    .where('period_start', '<=', `${year}-12-31`)
    .where('period_end', '>=', `${year}-01-01`)
    .orderBy('id')
    .execute();

/** The focus areas' titles of some agreements, by id. */
export const focusAreaTitles = (db: Executor, agreementId: string) =>
  db
    .selectFrom('focus_areas')
    .select(['id', 'title'])
    .where('agreement_id', '=', agreementId)
    .execute();

/** Where the stored roll-up of a year is. */
export const rollupState = (db: Executor, year: number) =>
  db.selectFrom('rollup_state').selectAll().where('year', '=', year).executeTakeFirst();

/** Records the audit sequence and day the year's roll-up is computed for. */
export async function saveRollupState(db: Executor, row: RollupStateTable): Promise<void> {
  await db
    .insertInto('rollup_state')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('year')
        .doUpdateSet({ seq: row.seq, as_of: row.as_of, computed_at: row.computed_at })
    )
    .execute();
}

/** What the audit trail names after a sequence number: at most `limit` entries. */
export const auditEntitiesAfter = (db: Executor, seq: number, limit: number) =>
  db
    .selectFrom('audit_log')
    .select(['entity', 'entity_id'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute();

/** The agreements some activities belong to (by primary key). */
export async function agreementsOfActivities(db: Executor, ids: string[]): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('activities')
      .select('agreement_id')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.agreement_id);
  }
  return [...out];
}

/** Which of these ids are agreements. */
export async function existingAgreementIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('agreements').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

/** Replaces one agreement's stored year (none when `row` is null: no longer in the roll-up). */
export async function replaceAgreementRollup(
  db: Executor,
  agreementId: string,
  year: number,
  row: RollupAgreementTable | null,
  measures: RollupMeasureTable[],
  focus: RollupMeasureFocusTable[]
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of ['rollup_measure_focus', 'rollup_measures', 'rollup_agreements'] as const)
      await trx
        .deleteFrom(table)
        .where('agreement_id', '=', agreementId)
        .where('year', '=', year)
        .execute();
    if (!row) return;
    await trx
      .insertInto('rollup_agreements')
      .values(row)
      .onConflict((oc) => oc.columns(['agreement_id', 'year']).doNothing())
      .execute();
    if (measures.length)
      await trx
        .insertInto('rollup_measures')
        .values(measures)
        .onConflict((oc) => oc.columns(['agreement_id', 'year', 'measure_key']).doNothing())
        .execute();
    if (focus.length)
      await trx
        .insertInto('rollup_measure_focus')
        .values(focus)
        .onConflict((oc) =>
          oc.columns(['agreement_id', 'year', 'measure_key', 'focus_area']).doNothing()
        )
        .execute();
  });
}

/** Removes stored years of agreements no longer in the roll-up (drafts again, deleted, out of period). */
export async function pruneRollups(db: Executor, year: number, keep: string[]): Promise<void> {
  const stored = await db
    .selectFrom('rollup_agreements')
    .select('agreement_id')
    .where('year', '=', year)
    .execute();
  const keepSet = new Set(keep);
  for (const r of stored)
    if (!keepSet.has(r.agreement_id))
      await replaceAgreementRollup(db, r.agreement_id, year, null, [], []);
}

/** The stored agreements of a year under some police areas (all when `areaIds` is undefined). */
export function rollupAgreementRows(db: Executor, year: number, areaIds?: string[]) {
  let q = db
    .selectFrom('rollup_agreements as r')
    .innerJoin('agreements as a', 'a.id', 'r.agreement_id')
    .select([
      'a.id',
      'a.title',
      'a.police_area_id',
      'a.period_start',
      'a.period_end',
      'r.met',
      'r.judged',
      'r.behind',
      'r.measures',
      'r.demo',
      'r.as_of',
      'r.computed_at'
    ])
    .where('r.year', '=', year);
  if (areaIds) q = q.where('a.police_area_id', 'in', areaIds.length ? areaIds : ['']);
  return q.orderBy('a.title').execute();
}

/** Kept and judged periods per police area of a year: one GROUP BY. */
export function rollupByPoliceArea(db: Executor, year: number) {
  return db
    .selectFrom('rollup_agreements as r')
    .innerJoin('agreements as a', 'a.id', 'r.agreement_id')
    .select((eb) => [
      'a.police_area_id',
      eb.fn.countAll<number>().as('agreements'),
      eb.fn.sum<number>('r.met').as('met'),
      eb.fn.sum<number>('r.judged').as('judged'),
      eb.fn.sum<number>('r.behind').as('behind'),
      eb.fn.sum<number>('r.measures').as('measures'),
      eb.fn.max<number>('r.demo').as('demo')
    ])
    .where('r.year', '=', year)
    .groupBy('a.police_area_id')
    .execute();
}

/** Kept and judged periods per target kind of a year under some police areas: one GROUP BY. */
export function rollupByKind(db: Executor, year: number, areaIds?: string[]) {
  let q = db
    .selectFrom('rollup_measures as m')
    .innerJoin('agreements as a', 'a.id', 'm.agreement_id')
    .select((eb) => [
      'm.target_kind',
      eb.fn.countAll<number>().as('measures'),
      eb.fn.sum<number>('m.met').as('met'),
      eb.fn.sum<number>('m.judged').as('judged'),
      eb.fn.sum<number>('m.behind').as('behind')
    ])
    .where('m.year', '=', year);
  if (areaIds) q = q.where('a.police_area_id', 'in', areaIds.length ? areaIds : ['']);
  return q.groupBy('m.target_kind').execute();
}

/** Kept and judged periods per focus area (by title) of a year under some police areas: one GROUP BY. */
export function rollupByFocus(db: Executor, year: number, areaIds?: string[]) {
  let q = db
    .selectFrom('rollup_measure_focus as f')
    .innerJoin('rollup_measures as m', (j) =>
      j
        .onRef('m.agreement_id', '=', 'f.agreement_id')
        .onRef('m.year', '=', 'f.year')
        .onRef('m.measure_key', '=', 'f.measure_key')
    )
    .innerJoin('agreements as a', 'a.id', 'f.agreement_id')
    .select((eb) => [
      'f.focus_area',
      eb.fn.countAll<number>().as('measures'),
      eb.fn.sum<number>('m.met').as('met'),
      eb.fn.sum<number>('m.judged').as('judged'),
      eb.fn.sum<number>('m.behind').as('behind')
    ])
    .where('f.year', '=', year);
  if (areaIds) q = q.where('a.police_area_id', 'in', areaIds.length ? areaIds : ['']);
  return q.groupBy('f.focus_area').execute();
}

/** The agreements some measure rows (any revision) belong to. */
export async function agreementsOfMeasures(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('measures as m')
    .innerJoin('plan_revisions as r', 'r.id', 'm.revision_id')
    .select('r.agreement_id')
    .distinct()
    .where('m.id', 'in', ids)
    .execute();
  return rows.map((r) => r.agreement_id);
}

/** The agreements some focus areas belong to. */
export async function agreementsOfFocusAreas(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('focus_areas')
    .select('agreement_id')
    .distinct()
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.agreement_id);
}

/** The agreements of some municipalities (their risk occasions and school calendars move dates). */
export async function agreementsOfMunicipalities(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('agreement_municipalities')
    .select('agreement_id')
    .distinct()
    .where('municipality_id', 'in', ids)
    .execute();
  return rows.map((r) => r.agreement_id);
}

/**
 * The one aggregate a national roll-up would need from the activities themselves: a year's
 * counts per agreement and measure (the bench's limit for what a roll-up can cost).
 */
export async function yearCountsPerMeasure(db: Executor, year: number): Promise<number> {
  const rows = await db
    .selectFrom('activities')
    .select((eb) => ['agreement_id', 'measure_key', eb.fn.sum<number>('count').as('count')])
    .where('occurred_on', '>=', `${year}-01-01`)
    .where('occurred_on', '<=', `${year}-12-31`)
    .where('deleted_at', 'is', null)
    .groupBy(['agreement_id', 'measure_key'])
    .execute();
  return rows.length;
}
