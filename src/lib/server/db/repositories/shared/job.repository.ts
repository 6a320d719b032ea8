import type { Executor } from '../../../context';

/** The instant a free job's lock is set to: always in the past. */
export const UNLOCKED = '1970-01-01T00:00:00.000Z';

/** Adds a job row unless it exists (several servers may start at once). */
export const ensureJobRow = (db: Executor, name: string, runAfter: string) =>
  db
    .insertInto('jobs')
    .values({
      name,
      run_after: runAfter,
      locked_until: UNLOCKED,
      locked_by: null,
      last_started_at: null,
      last_finished_at: null,
      last_error: null
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();

/** Names of jobs that are due and not locked, oldest first. */
export const dueJobNames = async (db: Executor, now: string, names: string[]) =>
  names.length
    ? (
        await db
          .selectFrom('jobs')
          .select('name')
          .where('name', 'in', names)
          .where('run_after', '<=', now)
          .where('locked_until', '<', now)
          .orderBy('run_after')
          .execute()
      ).map((r) => r.name)
    : [];

/**
 * Locks a due job for `owner` until `until` with one conditional UPDATE. Both SQLite (one writer
 * at a time) and PostgreSQL (the second UPDATE re-checks the WHERE after the first commits) let
 * exactly one of several concurrent callers change the row; the others see 0 rows updated.
 */
export async function lockJob(
  db: Executor,
  name: string,
  owner: string,
  now: string,
  until: string
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: until, locked_by: owner, last_started_at: now })
    .where('name', '=', name)
    .where('run_after', '<=', now)
    .where('locked_until', '<', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Frees a job the owner holds and schedules its next run. */
export const finishJob = (
  db: Executor,
  name: string,
  owner: string,
  at: string,
  runAfter: string,
  error: string | null
) =>
  db
    .updateTable('jobs')
    .set({
      run_after: runAfter,
      locked_until: UNLOCKED,
      locked_by: null,
      last_finished_at: at,
      last_error: error
    })
    .where('name', '=', name)
    .where('locked_by', '=', owner)
    .execute();

/** A job's row, for tests and the operator. */
export const findJob = (db: Executor, name: string) =>
  db.selectFrom('jobs').selectAll().where('name', '=', name).executeTakeFirst();
