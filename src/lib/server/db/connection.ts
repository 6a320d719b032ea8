import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type MigrationResultSet
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { migrations } from './migrations/index';
import type { Database } from './schema';

/** Which engine is behind a handle; the only place outside db/ that learns it is the health check. */
export type DatabaseKind = 'sqlite' | 'postgresql';

/** An open database with its engine named. */
export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close: () => Promise<void>;
};

// PostgreSQL returns BIGINT (COUNT, SUM) as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Connections per process on PostgreSQL unless DATABASE_POOL_SIZE says otherwise: writers no
 * longer queue on the audit chain's head for a whole transaction, so more of them can run at once.
 */
export const DEFAULT_POOL_SIZE = 20;

/** Prepared statements kept per SQLite connection (the distinct queries the app issues are fewer). */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * Keeps better-sqlite3's prepared statements, least recently used out first. Kysely's SQLite
 * driver prepares every query anew, which was a tenth of an activity write's CPU. A statement
 * that is mid-iteration (a streamed query) is not handed out twice: a fresh one is prepared.
 * SQLite re-prepares a kept statement by itself after a schema change.
 */
export function keepStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): void {
  const kept = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const hit = kept.get(source);
    if (hit && !hit.busy) {
      kept.delete(source);
      kept.set(source, hit);
      return hit;
    }
    const statement = prepare(source);
    if (!hit) {
      kept.set(source, statement);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

/** Opens SQLite (WAL) or PostgreSQL, with an optional schema for test isolation on PostgreSQL. */
export function openDatabase(
  config: DatabaseConfig,
  options: { pgSchema?: string } = {}
): DatabaseHandle {
  if (config.kind === 'sqlite') {
    if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
    const sqlite = new SQLite(config.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    keepStatements(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, kind: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? DEFAULT_POOL_SIZE,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {})
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgresql', close: () => db.destroy() };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  // On PostgreSQL, Kysely looks for its migration tables in every schema unless told which one;
  // with several schemas in one database (tests run in parallel, one schema each) it would find
  // another schema's table and skip creating its own. So name the schema we are in.
  const schema = await currentPgSchema(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {})
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`);
  }
  return result;
}

/** Names of the migrations this database has not run yet (every one on an empty database). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const schema = await currentPgSchema(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {})
  });
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}

/** The schema new tables go to on PostgreSQL (the search path's first), or null on SQLite. */
async function currentPgSchema(db: Kysely<Database>): Promise<string | null> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return null;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? null;
}

/** Creates a PostgreSQL schema (for isolated test runs) and returns its name. */
export async function createPgSchema(url: string, name: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`create schema if not exists ${sql.id(name)}`.execute(db);
  await db.destroy();
}

/** Drops a PostgreSQL schema made by createPgSchema. */
export async function dropPgSchema(url: string, name: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`drop schema if exists ${sql.id(name)} cascade`.execute(db);
  await db.destroy();
}

/** Pings the database; true when it answers. */
export async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
