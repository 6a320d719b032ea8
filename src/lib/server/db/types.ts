import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** An open database. */
export type Db = Kysely<Database>;

/** A database or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;
