import type { Executor } from '../../../context';
import type { DocumentImportTable } from '../../schema';

/** Stores an uploaded document's draft for review. */
export const insertDocumentImport = (db: Executor, row: DocumentImportTable) =>
  db.insertInto('document_imports').values(row).execute();

/** A draft that has not expired, or undefined. */
export const findLiveDocumentImport = (db: Executor, id: string, nowIso: string) =>
  db
    .selectFrom('document_imports')
    .selectAll()
    .where('id', '=', id)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();

/** Marks a draft as accepted into an agreement and drops its source text (the agreement has it now). */
export const markDocumentImportAccepted = (
  db: Executor,
  id: string,
  agreementId: string,
  draftJson: string
) =>
  db
    .updateTable('document_imports')
    .set({
      accepted_agreement_id: agreementId,
      normalised_text: '',
      draft_json: draftJson,
      review_json: '[]'
    })
    .where('id', '=', id)
    .execute();

/** Deletes drafts past their time; how many. */
export async function deleteExpiredImports(db: Executor, nowIso: string): Promise<number> {
  const r = await db
    .deleteFrom('document_imports')
    .where('expires_at', '<=', nowIso)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The police area of a municipality's latest agreement that names one, or undefined. */
export const latestPoliceAreaOf = async (db: Executor, municipalityId: string) =>
  (
    await db
      .selectFrom('agreements')
      .innerJoin('agreement_municipalities as am', 'am.agreement_id', 'agreements.id')
      .select('agreements.police_area_id')
      .where('am.municipality_id', '=', municipalityId)
      .where('agreements.police_area_id', 'is not', null)
      .orderBy('agreements.period_start', 'desc')
      .executeTakeFirst()
  )?.police_area_id ?? undefined;
