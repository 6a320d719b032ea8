/** The loader process: reads a LoadJob on stdin, loads, prints a LoadResult as the last line. */
import { text } from 'node:stream/consumers';
import { activityBatches, type GeneratedCounts } from './activities';
import type { LoadJob, LoadResult } from './load';
import { loadPostgres } from './load-postgres';
import { loadSqlite } from './load-sqlite';

const BATCH = 20_000;

async function main() {
  const job = JSON.parse(await text(process.stdin)) as LoadJob;
  const counts: GeneratedCounts = { total: 0, norsjo: 0, deleted: 0 };
  const batches = activityBatches(
    {
      total: job.total,
      norsjoId: job.norsjoId,
      agreementIds: job.agreementIds,
      batchSize: BATCH
    },
    counts
  );
  let insertMs = 0;
  let vacuumMs = 0;
  if (job.target.kind === 'sqlite') {
    const t0 = performance.now();
    loadSqlite(job.target.path, batches);
    insertMs = performance.now() - t0;
  } else {
    ({ insertMs, vacuumMs } = await loadPostgres(job.target.url, job.target.schema, batches));
  }
  const result: LoadResult = {
    insertMs,
    vacuumMs,
    counts,
    maxRss: process.resourceUsage().maxRSS * 1024
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
