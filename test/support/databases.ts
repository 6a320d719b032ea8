import {
  loadConfig,
  testDatabaseKinds,
  testDatabaseUrl,
  type Config
} from '../../src/lib/server/config';
import type { Ctx } from '../../src/lib/server/context';
import {
  createPgSchema,
  dropPgSchema,
  migrateToLatest,
  openDatabase
} from '../../src/lib/server/db/connection';
import { ensureReferenceData } from '../../src/lib/server/services/accounts/organisation.service';
import { ensureNorsjo } from '../../src/lib/server/seed/norsjo.service';

/** The databases every data test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES = testDatabaseKinds().map((kind) => ({ kind }));

/** A clock a test can move. */
export type TestClock = {
  now: () => Date;
  set: (iso: string) => void;
  advance: (ms: number) => void;
};

export const testClock = (start = '2026-11-27T10:00:00Z'): TestClock => {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso) => void (t = Date.parse(iso)),
    advance: (ms) => void (t += ms)
  };
};

/** A fresh, migrated database of the given kind, with reference data and Norsjö, and a way to drop it. */
export async function openTestContext(
  kind: 'sqlite' | 'postgresql',
  options: { clock?: TestClock; config?: Partial<Config>; seed?: boolean } = {}
): Promise<{ ctx: Ctx; clock: TestClock; close: () => Promise<void> }> {
  const clock = options.clock ?? testClock();
  const base = loadConfig({ LOFTEN_DEMO: 'false' });
  let close: () => Promise<void>;
  let handle;
  if (kind === 'sqlite') {
    handle = openDatabase({ kind: 'sqlite', path: ':memory:' });
    close = handle.close;
  } else {
    const url = testDatabaseUrl();
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await createPgSchema(url, schema);
    handle = openDatabase({ kind: 'postgresql', url }, { pgSchema: schema });
    const h = handle;
    close = async () => {
      await h.close();
      await dropPgSchema(url, schema);
    };
  }
  await migrateToLatest(handle.db);
  const ctx: Ctx = {
    db: handle.db,
    dbKind: handle.kind,
    config: { ...base, ...options.config },
    now: clock.now
  };
  if (options.seed !== false) {
    await ensureReferenceData(ctx);
    await ensureNorsjo(ctx);
  }
  return { ctx, clock, close };
}
