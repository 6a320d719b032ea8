import type { Executor } from '../../../context';
import type { AssessmentApprovalTable, AssessmentTable, MeasureCitationTable } from '../../schema';

/** The newest picture of an agreement. */
export const latestAssessment = (db: Executor, agreementId: string) =>
  db
    .selectFrom('assessments')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export const insertAssessment = (db: Executor, row: AssessmentTable) =>
  db.insertInto('assessments').values(row).execute();

/** Changes a picture and moves it to the next version (approvals of earlier versions stop counting). */
export const updateAssessmentRow = (
  db: Executor,
  id: string,
  patch: Pick<
    AssessmentTable,
    'title' | 'summary' | 'from_year' | 'to_year' | 'ranking_json' | 'updated_at' | 'updated_by'
  >
) =>
  db
    .updateTable('assessments')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

export const approvalsOf = (db: Executor, assessmentId: string) =>
  db
    .selectFrom('assessment_approvals as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.version', 'a.side', 'a.organisation_id', 'a.user_id', 'a.approved_at', 'u.name'])
    .where('a.assessment_id', '=', assessmentId)
    .orderBy('a.approved_at')
    .execute();

export const insertApproval = (db: Executor, row: AssessmentApprovalTable) =>
  db.insertInto('assessment_approvals').values(row).execute();

export const focusLinksOf = (db: Executor, assessmentId: string) =>
  db
    .selectFrom('assessment_focus_links')
    .select(['theme_id', 'focus_area_id'])
    .where('assessment_id', '=', assessmentId)
    .execute();

/** Replaces a picture's theme → focus area links. */
export async function replaceFocusLinks(
  db: Executor,
  assessmentId: string,
  links: { themeId: string; focusAreaId: string }[]
): Promise<void> {
  await db.deleteFrom('assessment_focus_links').where('assessment_id', '=', assessmentId).execute();
  if (links.length)
    await db
      .insertInto('assessment_focus_links')
      .values(
        links.map((l) => ({
          assessment_id: assessmentId,
          theme_id: l.themeId,
          focus_area_id: l.focusAreaId
        }))
      )
      .execute();
}

export const focusAreasOf = (db: Executor, agreementId: string) =>
  db
    .selectFrom('focus_areas')
    .select(['id', 'title', 'description'])
    .where('agreement_id', '=', agreementId)
    .orderBy('position')
    .execute();

/** The measures of an agreement's newest plan revision, by their stable key, with their focus areas. */
export async function currentMeasures(db: Executor, agreementId: string) {
  const revision = await db
    .selectFrom('plan_revisions')
    .select('id')
    .where('agreement_id', '=', agreementId)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!revision) return [];
  return db
    .selectFrom('measures as m')
    .leftJoin('measure_focus_areas as f', 'f.measure_id', 'm.id')
    .select(['m.measure_key', 'm.title', 'm.visibility', 'm.position', 'f.focus_area_id'])
    .where('m.revision_id', '=', revision.id)
    .orderBy('m.position')
    .execute();
}

export const citationsOf = (db: Executor, agreementId: string) =>
  db
    .selectFrom('measure_citations')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('created_at')
    .execute();

export const insertCitation = (db: Executor, row: MeasureCitationTable) =>
  db.insertInto('measure_citations').values(row).execute();

export const deleteCitation = (db: Executor, agreementId: string, id: string) =>
  db
    .deleteFrom('measure_citations')
    .where('agreement_id', '=', agreementId)
    .where('id', '=', id)
    .executeTakeFirst();
