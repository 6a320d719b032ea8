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
