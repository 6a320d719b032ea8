import type { Executor } from '../../../context';
import type { Role } from '../../schema';

/** A user row by e-mail (case-insensitive: e-mails are stored lower-case). */
export const findUserByEmail = (db: Executor, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

/** A user row by id. */
export const findUserById = (db: Executor, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

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
