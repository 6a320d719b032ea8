/**
 * `npm run crash`: kill -9 in the middle of sustained activity writes, several rounds, on SQLite
 * and PostgreSQL (or one of them); after each restart every acknowledged write must be there, and
 * at the end `loften audit verify` must pass. Exits 1 on any loss. See docs/RELIABILITY.md.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { buildDir, useRunAuditKey, type Dialect } from './harness';
import { formatCrashReport, runCrash, type CrashReport } from './crash-run';
import { parseOptions, whole } from './options';

const USAGE = `npm run crash -- [--database sqlite|postgresql|both] [--rounds 3] [--writers 20]
                   [--max-seconds 5] [--server <build dir>] [--json <file>]
PostgreSQL: DATABASE_URL or TEST_DATABASE_URL (a fresh schema is made and dropped).`;

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
      rounds: whole('rounds', 1, 100, 3),
      writers: whole('writers', 1, 500, 20),
      'max-seconds': whole('max-seconds', 1, 600, 5),
      server: z.string().optional(),
      json: z.string().optional()
    },
    USAGE
  );
  const dialects: Dialect[] = o.database === 'both' ? ['sqlite', 'postgresql'] : [o.database];
  const reports: CrashReport[] = [];
  for (const database of dialects) {
    const report = await runCrash(
      {
        database,
        rounds: o.rounds,
        writers: o.writers,
        maxSeconds: o['max-seconds'],
        server: { build: buildDir(argv) }
      },
      (line) => console.log(line)
    );
    console.log(`\n${formatCrashReport(report)}\n`);
    reports.push(report);
  }
  if (o.json) writeFileSync(o.json, `${JSON.stringify(reports, null, 2)}\n`);
  process.exitCode = reports.every((r) => r.ok) ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
