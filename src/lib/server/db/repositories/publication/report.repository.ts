import type { Executor } from '../../../context';
import type { ReportTable, ReportVersionTable } from '../../schema';

/** A report's row. */
export const findReport = (db: Executor, id: string) =>
  db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();

/** The report of an agreement for a period, if one was started. */
export const findReportForPeriod = (
  db: Executor,
  agreementId: string,
  kind: ReportTable['period_kind'],
  start: string
) =>
  db
    .selectFrom('reports')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('period_kind', '=', kind)
    .where('period_start', '=', start)
    .executeTakeFirst();

/** Inserts a new draft report. */
export const insertReport = (db: Executor, row: ReportTable) =>
  db.insertInto('reports').values(row).execute();

/** Changes a report's lead text or its newest published version. */
export const updateReport = (
  db: Executor,
  id: string,
  patch: Partial<Pick<ReportTable, 'lead' | 'published_version' | 'updated_at'>>
) => db.updateTable('reports').set(patch).where('id', '=', id).execute();

/** An agreement's reports, newest period first, with the time their newest version was published. */
export const listReportRows = (db: Executor, agreementId: string) =>
  db
    .selectFrom('reports as r')
    .leftJoin('report_versions as v', (j) =>
      j.onRef('v.report_id', '=', 'r.id').onRef('v.version', '=', 'r.published_version')
    )
    .select([
      'r.id',
      'r.period_kind',
      'r.period_start',
      'r.period_end',
      'r.published_version',
      'r.updated_at',
      'v.title',
      'v.published_at'
    ])
    .where('r.agreement_id', '=', agreementId)
    .orderBy('r.period_start', 'desc')
    .orderBy('r.period_end', 'desc')
    .execute();

/** The commentary of a report, per measure key. */
export const commentsOf = (db: Executor, reportId: string) =>
  db
    .selectFrom('report_comments')
    .select(['measure_key', 'body'])
    .where('report_id', '=', reportId)
    .execute();

/** Sets (or clears, with an empty body) the commentary on one measure. */
export async function saveComment(
  db: Executor,
  row: { report_id: string; measure_key: string; body: string; at: string; by: string | null }
): Promise<void> {
  if (!row.body) {
    await db
      .deleteFrom('report_comments')
      .where('report_id', '=', row.report_id)
      .where('measure_key', '=', row.measure_key)
      .execute();
    return;
  }
  await db
    .insertInto('report_comments')
    .values({
      report_id: row.report_id,
      measure_key: row.measure_key,
      body: row.body,
      updated_at: row.at,
      updated_by: row.by
    })
    .onConflict((oc) =>
      oc
        .columns(['report_id', 'measure_key'])
        .doUpdateSet({ body: row.body, updated_at: row.at, updated_by: row.by })
    )
    .execute();
}

/** Stores a frozen version. The unique (report, version) pair refuses a second publisher of the same number. */
export const insertVersion = (db: Executor, row: ReportVersionTable) =>
  db.insertInto('report_versions').values(row).execute();

/** One frozen version of a report. */
export const findVersion = (db: Executor, reportId: string, version: number) =>
  db
    .selectFrom('report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();

/** Every version of a report, without content, oldest first. */
export const listVersions = (db: Executor, reportId: string) =>
  db
    .selectFrom('report_versions')
    .select(['version', 'title', 'note', 'published_at'])
    .where('report_id', '=', reportId)
    .orderBy('version')
    .execute();

/**
 * A municipality's published reports (their newest versions), newest publication first, a page at
 * a time; drafts of agreements stay out.
 */
export const listPublishedReportRows = (
  db: Executor,
  municipalityId: string,
  page: { limit: number; offset: number }
) =>
  db
    .selectFrom('reports as r')
    .innerJoin('report_versions as v', (j) =>
      j.onRef('v.report_id', '=', 'r.id').onRef('v.version', '=', 'r.published_version')
    )
    .innerJoin('agreement_municipalities as am', 'am.agreement_id', 'r.agreement_id')
    .innerJoin('agreements as a', 'a.id', 'r.agreement_id')
    .select([
      'r.id',
      'r.period_kind',
      'r.period_start',
      'r.period_end',
      'v.version',
      'v.title',
      'v.summary',
      'v.note',
      'v.published_at',
      'a.title as agreement_title'
    ])
    .where('am.municipality_id', '=', municipalityId)
    .where('a.status', '!=', 'draft')
    .orderBy('v.published_at', 'desc')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();

/** How many published reports a municipality has. */
export async function countPublishedReports(db: Executor, municipalityId: string): Promise<number> {
  const row = await db
    .selectFrom('reports as r')
    .innerJoin('agreement_municipalities as am', 'am.agreement_id', 'r.agreement_id')
    .innerJoin('agreements as a', 'a.id', 'r.agreement_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('am.municipality_id', '=', municipalityId)
    .where('a.status', '!=', 'draft')
    .where('r.published_version', '>', 0)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Is the agreement one of the municipality's (so a report URL under that municipality is right)? */
export async function agreementInMunicipality(
  db: Executor,
  agreementId: string,
  municipalityId: string
): Promise<boolean> {
  const row = await db
    .selectFrom('agreement_municipalities')
    .select('agreement_id')
    .where('agreement_id', '=', agreementId)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  return !!row;
}
