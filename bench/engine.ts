import type { BenchDatabase } from './database';
import { openBenchDatabase, sqliteFileSize } from './database';
import { createOtherAgreements } from './agreements';
import { countActivities, explainTallies } from './explain';
import { useCandidateIndex, CANDIDATE_INDEX } from './experiment';
import {
  AS_OF,
  reportAgainstAggregate,
  timeAgainstAggregate,
  timeDemoCheck,
  timeFollowUps,
  timeTallies,
  type Timing
} from './follow-up';
import { loadInChildProcess } from './load';
import { pgClient } from './load-postgres';
import type { BenchOptions } from './options';
import { fmtInt, fmtMb, fmtMs, fmtS, log, memory, timed } from './stats';

/** The figures of one engine, for the summary at the end. */
export type EngineResult = {
  engine: string;
  activities: number;
  timings: Timing[];
  /** The same cases with the candidate covering index, when the experiment ran. */
  candidate: Timing[];
};

/** The size of the activities table with its indexes (SQLite: the whole file), and server settings. */
async function databaseInfo(db: BenchDatabase): Promise<string> {
  if (db.target.kind === 'sqlite') return `database file ${fmtMb(sqliteFileSize(db.target.path))}`;
  const client = await pgClient(db.target.url, db.target.schema);
  try {
    const r = await client.query<{ size: number; buffers: string; version: string }>(
      "select pg_total_relation_size('activities')::int8 as size, " +
        "current_setting('shared_buffers') as buffers, current_setting('server_version') as version"
    );
    const row = r.rows[0];
    return `activities with indexes ${fmtMb(Number(row?.size ?? 0))}; PostgreSQL ${row?.version}, shared_buffers ${row?.buffers}`;
  } finally {
    await client.end();
  }
}

function printTiming(t: Timing) {
  log(
    `  ${t.label.padEnd(34)} median ${fmtMs(t.median).padStart(9)}, p95 ${fmtMs(t.p95).padStart(9)}; ` +
      `${t.queries} queries, ${fmtMs(t.dbMs)} in the database (median)`
  );
  log(`  ${''.padEnd(34)} ${t.returned}; max rss ${fmtMb(t.maxRss)}`);
}

/** Builds a fresh database of one engine, loads it, and times the follow-up of Norsjö's agreement. */
export async function benchEngine(
  kind: 'sqlite' | 'postgresql',
  opts: BenchOptions
): Promise<EngineResult> {
  const started = performance.now();
  log(`\n=== ${kind} ===`);
  const setup = await timed(() => openBenchDatabase(kind, opts.pgUrl));
  const db = setup.value;
  const where = db.target.kind === 'sqlite' ? db.target.path : `schema ${db.target.schema}`;
  log(`  fresh database (${where}), migrated, reference data and Norsjö: ${fmtS(setup.ms)}`);
  try {
    const { ctx, norsjoId } = db;
    const others = await timed(() => createOtherAgreements(ctx, opts.agreements));
    log(
      `  ${fmtInt(others.value.length)} further agreements via createAgreement: ${fmtS(others.ms)}`
    );

    const load = await loadInChildProcess({
      target: db.target,
      total: opts.activities,
      norsjoId,
      agreementIds: others.value
    });
    const vacuum =
      db.target.kind === 'postgresql' ? ` + vacuum analyze ${fmtS(load.vacuumMs)}` : '';
    log(
      `  loaded ${fmtInt(load.counts.total)} activities in ${fmtS(load.insertMs)} (${fmtInt(
        load.counts.total / (load.insertMs / 1000 || 1)
      )} rows/s)${vacuum}; ${fmtInt(load.counts.deleted)} soft-deleted; loader process peak rss ${fmtMb(load.maxRss)}`
    );
    const check = await countActivities(ctx, norsjoId);
    log(
      `  in the database: ${fmtInt(check.all)} activities over ${fmtInt(check.agreements)} agreements; Norsjö ${fmtInt(check.agreement)}; ${await databaseInfo(db)}`
    );

    log(`  plan of the day-tallies query (migration index):`);
    for (const line of await explainTallies(ctx, norsjoId)) log(`    ${line}`);

    const before = memory();
    log(
      `  timing agreementFollowUp(Norsjö, asOf ${AS_OF}), 1 warm-up + ${opts.runs} runs; memory before: ${before.text}`
    );
    const timings = await timeFollowUps(ctx, norsjoId, opts.runs);
    timings.push(await timeTallies(ctx, norsjoId, opts.runs));
    timings.push(await timeDemoCheck(ctx, norsjoId, opts.runs));
    for (const t of timings) printTiming(t);
    const after = memory();
    log(
      `  memory after: ${after.text} (rss ${after.rss >= before.rss ? '+' : ''}${fmtMb(after.rss - before.rss)}, heapUsed ${after.heapUsed >= before.heapUsed ? '+' : ''}${fmtMb(after.heapUsed - before.heapUsed)})`
    );

    // Issue 15 item 2: each period kind's follow-up beside the aggregate it needs, interleaved.
    log(`  follow-up ÷ its aggregate, interleaved, 1 warm-up + ${opts.runs} rounds:`);
    reportAgainstAggregate(kind, check.all, await timeAgainstAggregate(ctx, norsjoId, opts.runs));

    const candidate: Timing[] = [];
    if (opts.experiment) {
      const ms = await useCandidateIndex(ctx);
      log(`  experiment: ${CANDIDATE_INDEX}; drop the migration's index (${fmtS(ms)})`);
      log(`  after: ${await databaseInfo(db)}`);
      for (const line of await explainTallies(ctx, norsjoId)) log(`    ${line}`);
      const cand = await timeFollowUps(ctx, norsjoId, opts.runs);
      cand.push(await timeTallies(ctx, norsjoId, opts.runs));
      cand.push(await timeDemoCheck(ctx, norsjoId, opts.runs));
      candidate.push(...cand.map((t) => ({ ...t, label: `${t.label} (covering)` })));
      for (const t of candidate) printTiming(t);
    }
    log(`  ${kind} total: ${fmtS(performance.now() - started)}`);
    return { engine: kind, activities: check.all, timings, candidate };
  } finally {
    await db.close();
    await db.drop();
  }
}
