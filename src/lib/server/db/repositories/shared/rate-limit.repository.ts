import type { Executor } from '../../../context';

/** Reads the current count for a key inside its window (0 when the window has passed). */
export async function currentCount(
  db: Executor,
  key: string,
  windowStartAfter: string
): Promise<number> {
  const row = await db
    .selectFrom('rate_limits')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row || row.window_start < windowStartAfter) return 0;
  return Number(row.count);
}

/** Adds one to a key, starting a new window when the old one has passed. */
export async function increment(
  db: Executor,
  key: string,
  now: string,
  windowStartAfter: string
): Promise<void> {
  await db
    .insertInto('rate_limits')
    .values({ key, count: 1, window_start: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rate_limits.window_start', '<', windowStartAfter)
          .then(1)
          .else(eb('rate_limits.count', '+', 1))
          .end(),
        window_start: eb
          .case()
          .when('rate_limits.window_start', '<', windowStartAfter)
          .then(now)
          .else(eb.ref('rate_limits.window_start'))
          .end()
      }))
    )
    .execute();
}

/** Forgets a key (after a successful sign-in). */
export async function reset(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** What a reservation found: the key's count after it, when it is free again, and who holds it. */
export type ReservedRow = { count: number; not_before: string | null; attempt: string | null };

/**
 * Reserves one attempt against a key in a single statement (INSERT … ON CONFLICT DO UPDATE …
 * RETURNING), so parallel attempts are counted one after another on SQLite and PostgreSQL alike.
 * A key whose `not_before` is still ahead is left as it is (the caller sees someone else's
 * `attempt`); otherwise the count grows (or starts again when the last failure is older than
 * `forgetBefore`), `attempt` becomes `token`, and the key is held until `hold` when this attempt
 * reaches `free` (so no other attempt is checked while this one is).
 */
export async function reserve(
  db: Executor,
  input: {
    key: string;
    token: string;
    now: string;
    forgetBefore: string;
    free: number;
    hold: string;
  }
): Promise<ReservedRow> {
  const { key, token, now, forgetBefore, free, hold } = input;
  const row = await db
    .insertInto('rate_limits')
    .values({
      key,
      count: 1,
      window_start: now,
      not_before: free <= 1 ? hold : null,
      attempt: token
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const blocked = eb.and([
          eb('rate_limits.not_before', 'is not', null),
          eb('rate_limits.not_before', '>', now)
        ]);
        const forgotten = eb('rate_limits.window_start', '<', forgetBefore);
        return {
          count: eb
            .case()
            .when(blocked)
            .then(eb.ref('rate_limits.count'))
            .when(forgotten)
            .then(1)
            .else(eb('rate_limits.count', '+', 1))
            .end(),
          window_start: eb
            .case()
            .when(blocked)
            .then(eb.ref('rate_limits.window_start'))
            .when(forgotten)
            .then(now)
            .else(eb.ref('rate_limits.window_start'))
            .end(),
          not_before: eb
            .case()
            .when(blocked)
            .then(eb.ref('rate_limits.not_before'))
            .when(forgotten)
            .then(free <= 1 ? hold : null)
            .when(eb('rate_limits.count', '+', 1), '>=', free)
            .then(hold)
            .else(null)
            .end(),
          attempt: eb.case().when(blocked).then(eb.ref('rate_limits.attempt')).else(token).end()
        };
      })
    )
    .returning(['count', 'not_before', 'attempt'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), not_before: row.not_before, attempt: row.attempt };
}

/** Records that a reserved attempt failed: the key waits until `notBefore` (null: no wait). */
export async function settleFailure(
  db: Executor,
  key: string,
  token: string,
  now: string,
  notBefore: string | null
): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({ not_before: notBefore, window_start: now })
    .where('key', '=', key)
    .where('attempt', '=', token)
    .execute();
}

/** Gives back a reserved attempt that was not a failure (not checked, or a success). */
export async function release(db: Executor, key: string, token: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ count: eb('count', '-', 1), not_before: null, attempt: null }))
    .where('key', '=', key)
    .where('attempt', '=', token)
    .execute();
}
