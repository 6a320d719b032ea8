/**
 * `npm run restore-check`: the Norsjö demo database → `loften backup` (SQLite) or pg_dump
 * (PostgreSQL) → restored into a fresh database → the exports of a server on each, compared
 * byte for byte (after removing the server's address and XLSX entry times), and `loften audit
 * verify` on both. Exits 1 on any difference. See docs/RELIABILITY.md.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { buildDir, loadAverage, useRunAuditKey, type Dialect } from './harness';
import { parseOptions } from './options';
import { formatRestoreReport, runRestoreCheck, type RestoreReport } from './restore/run';

const USAGE = `npm run restore-check -- [--database sqlite|postgresql|both] [--server <build dir> | --server dev]
                          [--json <file>]
PostgreSQL: DATABASE_URL or TEST_DATABASE_URL; pg_dump and pg_restore on PATH (a fresh schema
and a scratch database are made and dropped).`;

async function main() {
  useRunAuditKey();
  const argv = process.argv.slice(2);
  const o = parseOptions(
    argv,
    {
      database: z
        .enum(['sqlite', 'postgresql', 'both'], {
          message: '--database: expected sqlite, postgresql or both'
        })
        .default('both'),
      server: z.string().optional(),
      json: z.string().optional()
    },
    USAGE
  );
  const dialects: Dialect[] = o.database === 'both' ? ['sqlite', 'postgresql'] : [o.database];
  const reports: RestoreReport[] = [];
  for (const database of dialects) {
    const report = await runRestoreCheck(
      { database, server: o.server === 'dev' ? 'dev' : { build: buildDir(argv) }, cli: true },
      (line) => console.log(line)
    );
    console.log(`\n${formatRestoreReport(report)}\n(load ${await loadAverage()})\n`);
    reports.push(report);
  }
  if (o.json) writeFileSync(o.json, `${JSON.stringify(reports, null, 2)}\n`);
  process.exitCode = reports.every((r) => r.ok) ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
