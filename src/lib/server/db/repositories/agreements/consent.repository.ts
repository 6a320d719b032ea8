import type { Executor } from '../../../context';
import type { AgreementConsentTable } from '../../schema';

/** Inserts the consent rows of a new agreement (one per named municipality and police area). */
export async function insertConsents(db: Executor, rows: AgreementConsentTable[]): Promise<void> {
  if (rows.length) await db.insertInto('agreement_consents').values(rows).execute();
}

/** An agreement's consent rows with the organisations' names, municipalities first. */
export const consentsOf = (db: Executor, agreementId: string) =>
  db
    .selectFrom('agreement_consents as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('users as acc', 'acc.id', 'c.accepted_by')
    .leftJoin('users as app', 'app.id', 'c.approved_by')
    .selectAll('c')
    .select(['o.name', 'o.kind', 'acc.name as accepted_by_name', 'app.name as approved_by_name'])
    .where('c.agreement_id', '=', agreementId)
    .orderBy('c.side')
    .orderBy('o.name')
    .execute();

/** Records that an organisation accepted being a party. */
export const markAccepted = (
  db: Executor,
  agreementId: string,
  organisationId: string,
  userId: string | null,
  at: string
) =>
  db
    .updateTable('agreement_consents')
    .set({ accepted_by: userId, accepted_at: at })
    .where('agreement_id', '=', agreementId)
    .where('organisation_id', '=', organisationId)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();

/** Records an organisation's approval. */
export const markApproved = (
  db: Executor,
  agreementId: string,
  organisationId: string,
  userId: string | null,
  at: string
) =>
  db
    .updateTable('agreement_consents')
    .set({ approved_by: userId, approved_at: at })
    .where('agreement_id', '=', agreementId)
    .where('organisation_id', '=', organisationId)
    .where('approved_at', 'is', null)
    .executeTakeFirst();

/** Clears every approval of an agreement (its head changed); returns how many were cleared. */
export async function clearApprovals(db: Executor, agreementId: string): Promise<number> {
  const r = await db
    .updateTable('agreement_consents')
    .set({ approved_by: null, approved_at: null })
    .where('agreement_id', '=', agreementId)
    .where('approved_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Counts up a draft's head version (its text changed). */
export const bumpHeadVersion = (db: Executor, agreementId: string, at: string) =>
  db
    .updateTable('agreements')
    .set((eb) => ({ head_version: eb('head_version', '+', 1), updated_at: at }))
    .where('id', '=', agreementId)
    .execute();

/** The organisations that have accepted being party to an agreement. */
export const acceptedOrganisationIds = async (
  db: Executor,
  agreementId: string
): Promise<string[]> =>
  (
    await db
      .selectFrom('agreement_consents')
      .select('organisation_id')
      .where('agreement_id', '=', agreementId)
      .where('accepted_at', 'is not', null)
      .execute()
  ).map((r) => r.organisation_id);

/** Drafts an organisation has been invited to and not yet accepted (for "what is due"). */
export const invitationsOf = (db: Executor, organisationIds: string[]) =>
  organisationIds.length
    ? db
        .selectFrom('agreement_consents as c')
        .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
        .select(['a.id', 'a.title', 'c.organisation_id'])
        .where('c.organisation_id', 'in', organisationIds)
        .where('c.accepted_at', 'is', null)
        .where('a.status', '=', 'draft')
        .orderBy('a.title')
        .execute()
    : Promise.resolve([]);
