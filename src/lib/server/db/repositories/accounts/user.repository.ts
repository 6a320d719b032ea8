import type { Executor } from '../../../context';
import { coalesced } from '../../coalesce';
import type { Role, UserTable } from '../../schema';

/** A user row by e-mail (case-insensitive: e-mails are stored lower-case). */
export const findUserByEmail = (db: Executor, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

/** A user row by id. */
export const findUserById = (db: Executor, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

/** An account as every signed-in request needs it. */
export type UserWithMemberships = Pick<UserTable, 'name' | 'email' | 'disabled_at'> & {
  memberships: { organisationId: string; role: Role }[];
};

/** These users with their memberships, in one query (one row per membership), by id. */
async function usersWithMemberships(
  db: Executor,
  userIds: string[]
): Promise<Map<string, UserWithMemberships>> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'u.disabled_at', 'm.organisation_id', 'm.role'])
    .where('u.id', 'in', userIds)
    .execute();
  const users = new Map<string, UserWithMemberships>();
  for (const r of rows) {
    let user = users.get(r.id);
    if (!user) {
      user = { name: r.name, email: r.email, disabled_at: r.disabled_at, memberships: [] };
      users.set(r.id, user);
    }
    if (r.organisation_id && r.role)
      user.memberships.push({ organisationId: r.organisation_id, role: r.role as Role });
  }
  return users;
}

/**
 * A user's name, e-mail and disabled mark with their memberships: asked on every signed-in
 * request, so the lookups of one turn of the event loop go in one query (db/coalesce.ts).
 */
export const userWithMemberships = (db: Executor, userId: string) =>
  coalesced(db, usersWithMemberships, userId);

/** The user's memberships. */
export const membershipsOf = (db: Executor, userId: string) =>
  db
    .selectFrom('memberships')
    .select(['organisation_id as organisationId', 'role'])
    .where('user_id', '=', userId)
    .execute() as Promise<{ organisationId: string; role: Role }[]>;

/** Users with their memberships and organisation names, paged by e-mail. */
export const listUsers = (db: Executor, limit: number, offset: number) =>
  db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'created_at', 'disabled_at'])
    .orderBy('email')
    .limit(limit)
    .offset(offset)
    .execute();

/** Every membership of the listed users, with the organisation's name and kind. */
export const membershipsOfUsers = (db: Executor, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
        .select([
          'memberships.user_id as userId',
          'memberships.organisation_id as organisationId',
          'memberships.role',
          'organisations.name as organisationName',
          'organisations.kind as organisationKind'
        ])
        .where('memberships.user_id', 'in', userIds)
        .orderBy('organisations.name')
        .execute();

/** Removes a user's role in one organisation; the number of rows removed. */
export const deleteMembership = async (db: Executor, userId: string, organisationId: string) =>
  Number(
    (
      await db
        .deleteFrom('memberships')
        .where('user_id', '=', userId)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst()
    ).numDeletedRows
  );

/** Sets or clears a user's disabled mark. */
export const setUserDisabledAt = (db: Executor, userId: string, disabledAt: string | null) =>
  db.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', userId).execute();

/** A user's role in one organisation, if any. */
export const findMembership = (db: Executor, userId: string, organisationId: string) =>
  db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst() as Promise<{ role: Role } | undefined>;

/** Whether any account exists (the first start makes one). */
export const anyUser = async (db: Executor): Promise<boolean> =>
  !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());

/** Stores a new account. */
export const insertUser = (db: Executor, row: UserTable) =>
  db.insertInto('users').values(row).execute();

/** Sets an account's password hash. */
export const setPasswordHash = (db: Executor, userId: string, hash: string) =>
  db.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();

/** Gives a person a role in an organisation, replacing any role they had there. */
export const upsertMembership = (
  db: Executor,
  row: { user_id: string; organisation_id: string; role: Role; created_at: string }
) =>
  db
    .insertInto('memberships')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'organisation_id']).doUpdateSet({ role: row.role }))
    .execute();

/** Stores a one-time sign-in (only the hash of its secret). */
export const insertOneTimeLogin = (
  db: Executor,
  row: { token_hash: string; user_id: string; expires_at: string; used_at: null }
) => db.insertInto('one_time_logins').values(row).execute();

/** Uses a one-time sign-in that is unused and unexpired; its user, or undefined. */
export const redeemOneTimeLoginRow = (db: Executor, tokenHash: string, nowIso: string) =>
  db
    .updateTable('one_time_logins')
    .set({ used_at: nowIso })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .returning('user_id')
    .executeTakeFirst();
