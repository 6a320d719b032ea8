import type { Executor } from '../../../context';
import type { OidcProviderTable, OidcStateTable, UserIdentityTable } from '../../schema';

/** A provider by id. */
export const findOidcProvider = (db: Executor, id: string) =>
  db.selectFrom('oidc_providers').selectAll().where('id', '=', id).executeTakeFirst();

/** The provider an organisation has for an issuer, if any. */
export const findOidcProviderByIssuer = (db: Executor, organisationId: string, issuer: string) =>
  db
    .selectFrom('oidc_providers')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('issuer', '=', issuer)
    .executeTakeFirst();

/** Stores a new provider. */
export const insertOidcProvider = (db: Executor, row: OidcProviderTable) =>
  db.insertInto('oidc_providers').values(row).execute();

/** Changes a provider's settings (everything but its id, organisation, issuer and creation time). */
export const updateOidcProvider = (
  db: Executor,
  id: string,
  values: Pick<OidcProviderTable, 'name' | 'client_id' | 'client_secret' | 'scopes' | 'enabled'>
) => db.updateTable('oidc_providers').set(values).where('id', '=', id).execute();

/** Every provider with its organisation's name and kind, by organisation and name. */
export const listOidcProviderRows = (db: Executor, onlyEnabled: boolean) => {
  let q = db
    .selectFrom('oidc_providers')
    .innerJoin('organisations', 'organisations.id', 'oidc_providers.organisation_id')
    .selectAll('oidc_providers')
    .select(['organisations.name as organisation_name', 'organisations.kind as organisation_kind']);
  if (onlyEnabled) q = q.where('oidc_providers.enabled', '=', 1);
  return q.orderBy('organisations.name').orderBy('oidc_providers.name').execute();
};

/** Stores a sign-in in progress. */
export const insertOidcState = (db: Executor, row: OidcStateTable) =>
  db.insertInto('oidc_states').values(row).execute();

/** Takes a sign-in in progress out of the table: a state can be used once only, even by racing requests. */
export const takeOidcState = (db: Executor, stateHash: string) =>
  db
    .deleteFrom('oidc_states')
    .where('state_hash', '=', stateHash)
    .returningAll()
    .executeTakeFirst();

/** Removes sign-ins that were never finished. */
export const deleteExpiredOidcStates = (db: Executor, nowIso: string) =>
  db.deleteFrom('oidc_states').where('expires_at', '<=', nowIso).execute();

/** The account linked to a subject at a provider. */
export const findIdentityUser = (db: Executor, providerId: string, subject: string) =>
  db
    .selectFrom('user_identities')
    .innerJoin('users', 'users.id', 'user_identities.user_id')
    .select(['users.id', 'users.disabled_at'])
    .where('user_identities.provider_id', '=', providerId)
    .where('user_identities.subject', '=', subject)
    .executeTakeFirst();

/** Links a subject at a provider to an account. */
export const insertIdentity = (db: Executor, row: UserIdentityTable) =>
  db.insertInto('user_identities').values(row).execute();

/** True when the user has a role in the organisation. */
export const hasMembership = async (db: Executor, userId: string, organisationId: string) =>
  !!(await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst());
