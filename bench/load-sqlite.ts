import SQLite from 'better-sqlite3';
import type { BenchActivity } from './activities';
import { ACTIVITY_COLUMNS } from './activities';

/**
 * Bulk-loads activities into the SQLite file through a second, raw better-sqlite3 connection:
 * one prepared statement, one transaction per batch. A bigger page cache speeds up the index
 * inserts; it applies to this connection only, not to the app's handle that is timed afterwards.
 */
export function loadSqlite(path: string, batches: Iterable<BenchActivity[]>): void {
  const raw = new SQLite(path);
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('cache_size = -262144');
    const insert = raw.prepare(
      `insert into activities (${ACTIVITY_COLUMNS.join(', ')}) values (${ACTIVITY_COLUMNS.map(
        () => '?'
      ).join(', ')})`
    );
    const insertBatch = raw.transaction((rows: BenchActivity[]) => {
      for (const r of rows) insert.run(ACTIVITY_COLUMNS.map((c) => r[c]));
    });
    for (const batch of batches) insertBatch(batch);
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.close();
  }
}
