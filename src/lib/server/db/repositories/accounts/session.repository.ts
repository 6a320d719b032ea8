import type { Executor } from '../../../context';
import type { SessionTable } from '../../schema';

/** Stores a new session (id is the hash of the cookie's secret). */
export const insertSession = (db: Executor, row: SessionTable) =>
  db.insertInto('sessions').values(row).execute();

/** A session that has not expired, with its user if the user is not disabled. */
export const findLiveSession = (db: Executor, id: string, nowIso: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.name',
      'users.email'
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', nowIso)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();

/** Moves a session's expiry forward (sliding expiry). */
export const touchSession = (db: Executor, id: string, lastSeen: string, expires: string) =>
  db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeen, expires_at: expires })
    .where('id', '=', id)
    .execute();

/** Ends one session. */
export const deleteSession = (db: Executor, id: string) =>
  db.deleteFrom('sessions').where('id', '=', id).execute();

/** Ends every session of a user, except one (after a password change). */
export const deleteSessionsOfUser = (db: Executor, userId: string, except?: string) => {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', except);
  return q.execute();
};

/** Removes expired sessions. */
export const deleteExpiredSessions = (db: Executor, nowIso: string) =>
  db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
