/**
 * Reads that arrive together go to the database together (issue 15: writes that keep up). The
 * busiest requests each look up the same few rows (the API token, the account with its
 * memberships, the measure being logged): under load, the lookups made in one turn of the event
 * loop, or while the previous query of the same kind is on its way, become one `where … in (…)`
 * query instead of one round trip each. A lone lookup goes at once.
 *
 * Nothing is cached: each lookup is sent after it was asked, so it sees every change committed
 * before it was asked, as a lone query would. A lookup inside a transaction is sent at once on
 * that transaction (it must see the transaction's own writes).
 *
 * DataLoader (the GraphQL Foundation's batching library) gathers the keys; its cache is off.
 */
import DataLoader from 'dataloader';
import type { Executor } from './types';

/** Keys per query at most (PostgreSQL and SQLite both take far more bound values). */
const MOST_KEYS = 500;

type Many<K, V> = (db: Executor, keys: K[]) => Promise<Map<K, V>>;

const loaders = new WeakMap<object, Map<object, DataLoader<unknown, unknown>>>();

/**
 * Runs `loadMany` once for the distinct keys of a batch and hands each caller its value. If the
 * query fails, each key is looked up alone, so a key the database refuses (PostgreSQL refuses a
 * NUL character in text) fails only the lookups that asked for it, never the others in its batch.
 */
async function lookUp<K, V>(
  db: Executor,
  loadMany: Many<K, V>,
  keys: readonly K[]
): Promise<(V | undefined | Error)[]> {
  const distinct = [...new Set(keys)];
  try {
    const found = await loadMany(db, distinct);
    return keys.map((k) => found.get(k));
  } catch (e) {
    if (distinct.length === 1) throw e;
    const alone = new Map<K, V | undefined | Error>();
    for (const k of distinct)
      alone.set(
        k,
        await loadMany(db, [k]).then(
          (found) => found.get(k),
          (error: unknown) => (error instanceof Error ? error : new Error(String(error)))
        )
      );
    return keys.map((k) => alone.get(k));
  }
}

/** The one loader of `loadMany`'s kind on this database. */
function loaderFor<K, V>(db: Executor, loadMany: Many<K, V>): DataLoader<K, V | undefined> {
  let byFn = loaders.get(db);
  if (!byFn) loaders.set(db, (byFn = new Map()));
  let loader = byFn.get(loadMany) as DataLoader<K, V | undefined> | undefined;
  if (!loader) {
    // The query of this kind on its way, if any: lookups asked meanwhile go in the next one.
    let inFlight: Promise<unknown> | null = null;
    loader = new DataLoader<K, V | undefined>(
      (keys) => {
        const query = lookUp(db, loadMany, keys);
        const settled = (inFlight = query.catch(() => undefined));
        void settled.then(() => {
          if (inFlight === settled) inFlight = null;
        });
        return query;
      },
      {
        cache: false,
        maxBatchSize: MOST_KEYS,
        // After the I/O callbacks of this turn (every request read from its socket joins in),
        // and after the query of this kind already on its way.
        batchScheduleFn: (run) => setImmediate(() => (inFlight ? void inFlight.then(run) : run()))
      }
    );
    byFn.set(loadMany, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/**
 * The value for `key`, looked up together with the other lookups of the same kind asked in this
 * turn of the event loop; undefined when `loadMany`'s map has none.
 */
export function coalesced<K, V>(
  db: Executor,
  loadMany: Many<K, V>,
  key: K
): Promise<V | undefined> {
  if (db.isTransaction) return loadMany(db, [key]).then((m) => m.get(key));
  return loaderFor(db, loadMany).load(key);
}
