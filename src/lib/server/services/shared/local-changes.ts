/**
 * How many changes this process has committed, per database handle. Readers of the database's
 * change trail (the public page cache) look again at once when this moved, so a person who
 * changes something and then opens the public page sees the change, even inside the interval
 * in which other app servers may still show the page from before. Coordination only: nothing
 * here is data, and a restart loses nothing (a fresh process looks at its first request).
 */
const counts = new WeakMap<object, number>();

/** Notes that a change on `db` has committed (after the commit, never before). */
export function noteLocalChange(db: object): void {
  counts.set(db, (counts.get(db) ?? 0) + 1);
}

/** How many changes on `db` this process has noted. */
export function localChanges(db: object): number {
  return counts.get(db) ?? 0;
}
