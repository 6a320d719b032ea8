import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseUrl } from '../../src/lib/server/config';
import { createPgSchema, dropPgSchema } from '../../src/lib/server/db/connection';

/** An empty database (not migrated) named by environment variables, as the app and the CLI read them. */
export type FreshDatabase = {
  /** SQLITE_PATH for SQLite; DATABASE_URL (with the schema as search path) for PostgreSQL. */
  env: { SQLITE_PATH?: string; DATABASE_URL?: string };
  drop: () => Promise<void>;
};

/**
 * A new, empty database of the given kind for tests of start-up and the CLI, which open the
 * database themselves: a temporary SQLite file, or a fresh schema in TEST_DATABASE_URL.
 */
export async function freshDatabase(kind: 'sqlite' | 'postgresql'): Promise<FreshDatabase> {
  const id = crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  if (kind === 'sqlite') {
    const path = join(tmpdir(), `loften-fresh-${id}.db`);
    return {
      env: { SQLITE_PATH: path },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      }
    };
  }
  const base = testDatabaseUrl();
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `f_${id}`;
  await createPgSchema(base, schema);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { env: { DATABASE_URL: url.toString() }, drop: () => dropPgSchema(base, schema) };
}
