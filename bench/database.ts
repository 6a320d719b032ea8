import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/lib/server/config';
import type { Ctx } from '../src/lib/server/context';
import {
  createPgSchema,
  dropPgSchema,
  migrateToLatest,
  openDatabase,
  type DatabaseHandle
} from '../src/lib/server/db/connection';
import { ensureNorsjo } from '../src/lib/server/seed/norsjo.service';
import { ensureReferenceData } from '../src/lib/server/services/accounts/organisation.service';

/** Where a bench database lives: a temporary SQLite file, or a fresh schema on a PostgreSQL server. */
export type BenchTarget =
  { kind: 'sqlite'; path: string } | { kind: 'postgresql'; url: string; schema: string };

/** A fresh, migrated database with reference data and Norsjö, and how to throw it away. */
export type BenchDatabase = {
  ctx: Ctx;
  target: BenchTarget;
  norsjoId: string;
  /** Closes the app's handle; the database itself stays until drop(). */
  close: () => Promise<void>;
  /** Deletes the temporary file or drops the schema. */
  drop: () => Promise<void>;
};

// A fixed clock just after the agreement's last year, so runs are repeatable.
const NOW = new Date('2023-01-16T09:00:00Z');

export async function openBenchDatabase(
  kind: 'sqlite' | 'postgresql',
  pgUrl?: string
): Promise<BenchDatabase> {
  let target: BenchTarget;
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'loften-bench-'));
    target = { kind, path: join(dir, 'bench.db') };
    handle = openDatabase({ kind: 'sqlite', path: target.path });
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    if (!pgUrl) throw new Error('No PostgreSQL URL');
    const schema = `bench_${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await createPgSchema(pgUrl, schema);
    target = { kind, url: pgUrl, schema };
    handle = openDatabase({ kind: 'postgresql', url: pgUrl }, { pgSchema: schema });
    drop = () => dropPgSchema(pgUrl, schema);
  }
  try {
    await migrateToLatest(handle.db);
    const ctx: Ctx = {
      db: handle.db,
      dbKind: handle.kind,
      config: loadConfig({ LOFTEN_DEMO: 'false' }),
      now: () => NOW
    };
    await ensureReferenceData(ctx);
    const norsjoId = await ensureNorsjo(ctx);
    return { ctx, target, norsjoId, close: handle.close, drop };
  } catch (e) {
    await handle.close();
    await drop();
    throw e;
  }
}

/** Size on disk of the SQLite file (with its WAL), in bytes. */
export function sqliteFileSize(path: string): number {
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return 0;
    }
  };
  return size(path) + size(`${path}-wal`);
}
