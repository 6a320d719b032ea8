/**
 * `npm run load`: survey answerers and reporters against one or two production servers on a fresh
 * database for a fixed time; prints requests, errors and p50/p99 per kind, then checks that every
 * acknowledged write is stored exactly once and that `loften audit verify` passes. Exits 1 on any
 * error or loss. See docs/RELIABILITY.md.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { buildDir, useRunAuditKey } from './harness';
import { formatLoadReport, runLoad } from './load-run';
import { dialect, parseOptions, whole } from './options';

const USAGE = `npm run load -- [--answerers 500] [--reporters 50] [--seconds 60] [--servers 1|2]
                  [--database sqlite|postgresql] [--server <build dir>] [--json <file>] [--keep yes]
PostgreSQL: DATABASE_URL or TEST_DATABASE_URL (a fresh schema is made and dropped).
Two servers only on PostgreSQL.`;

async function main() {
  useRunAuditKey();
  const argv = process.argv.slice(2);
  const o = parseOptions(
    argv,
    {
      answerers: whole('answerers', 0, 5000, 500),
      reporters: whole('reporters', 0, 1000, 50),
      seconds: whole('seconds', 1, 3600, 60),
      servers: whole('servers', 1, 2, 1),
      database: dialect,
      server: z.string().optional(),
      json: z.string().optional(),
      keep: z.string().optional()
    },
    USAGE
  );
  const report = await runLoad(
    {
      answerers: o.answerers,
      reporters: o.reporters,
      seconds: o.seconds,
      servers: o.servers as 1 | 2,
      database: o.database,
      server: { build: buildDir(argv) },
      keep: Boolean(o.keep)
    },
    (line) => console.log(line)
  );
  console.log(`\n${formatLoadReport(report)}`);
  if (o.json) writeFileSync(o.json, `${JSON.stringify(report, null, 2)}\n`);
  process.exitCode = report.ok ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
