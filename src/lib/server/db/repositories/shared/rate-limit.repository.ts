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
