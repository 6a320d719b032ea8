import pg from 'pg';
import type { BenchActivity } from './activities';
import { ACTIVITY_COLUMNS } from './activities';

const TYPES: Record<(typeof ACTIVITY_COLUMNS)[number], string> = {
  id: 'text',
  agreement_id: 'text',
  measure_key: 'text',
  occurred_on: 'text',
  count: 'int4',
  shifts: 'int4',
  grade: 'text',
  place: 'text',
  note: 'text',
  organisation_id: 'text',
  created_by: 'text',
  created_at: 'text',
  deleted_at: 'text',
  idempotency_key: 'text',
  demo: 'int4'
};

/** A raw pg client in the bench schema. */
export async function pgClient(url: string, schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

/**
 * Bulk-loads activities into PostgreSQL: one `insert … select * from unnest($1::text[], …)` per
 * batch (15 array parameters instead of 15 × rows), all in one transaction, then VACUUM ANALYZE
 * as autovacuum would do soon after such a load.
 */
export async function loadPostgres(
  url: string,
  schema: string,
  batches: Iterable<BenchActivity[]>
): Promise<{ insertMs: number; vacuumMs: number }> {
  const client = await pgClient(url, schema);
  try {
    const text = `insert into activities (${ACTIVITY_COLUMNS.join(', ')}) select * from unnest(${ACTIVITY_COLUMNS.map(
      (c, i) => `$${i + 1}::${TYPES[c]}[]`
    ).join(', ')})`;
    const t0 = performance.now();
    await client.query('begin');
    for (const batch of batches) {
      const values = ACTIVITY_COLUMNS.map((c) => batch.map((r) => r[c]));
      await client.query({ text, values });
    }
    await client.query('commit');
    const t1 = performance.now();
    await client.query('vacuum analyze activities');
    return { insertMs: t1 - t0, vacuumMs: performance.now() - t1 };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}
