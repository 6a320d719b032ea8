import type { Config } from './config';
import type { DatabaseKind } from './db/connection';
import type { Db, Executor } from './db/types';

/** What every service needs: the database and a clock (passed in so tests control time). */
export type Ctx = {
  db: Db;
  dbKind: DatabaseKind;
  config: Config;
  now: () => Date;
};

export type { Executor };

/** A new random id for a row. */
export const newId = (): string => crypto.randomUUID();

/** This process's random half of `orderedId`. */
const processPart = crypto.randomUUID().replaceAll('-', '').slice(0, 16);
let counter = 0n;

/**
 * A new id that sorts after the ids this process made before it: for rows written in bulk whose
 * ids nobody outside staff sees (survey answers). Inserts then land at the end of the id index
 * instead of on a random page of it, so a write touches fewer pages (about a third more answers a
 * second on SQLite, bench/writes.ts). It tells the order of this process's rows, never the time.
 * Random ids stay the default: an activity's id must not say how many were logged in between.
 */
export const orderedId = (): string => {
  const n = (++counter).toString(16).padStart(16, '0');
  const p = processPart;
  return `${p.slice(0, 8)}-${p.slice(8, 12)}-${p.slice(12, 16)}-${n.slice(0, 4)}-${n.slice(4)}`;
};
