/**
 * `npm run bench`: the time to compute the follow-up of one agreement over four years with
 * (by default) one million activities spread over ~250 agreements, on SQLite and on PostgreSQL.
 * Prints figures; it is not a test. See docs/BENCHMARKS.md.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { benchDashboard } from './dashboard';
import { benchEngine, type EngineResult } from './engine';
import { benchImport } from './import';
import { benchOptions } from './options';
import { benchPublicPage } from './public-page';
import { fmtInt, fmtMb, fmtMs, fmtS, log, memory } from './stats';

async function main() {
  const started = performance.now();
  const opts = benchOptions();
  log(
    `Löften bench (${Object.entries(opts.cases)
      .filter(([, on]) => on)
      .map(([c]) => c)
      .join(
        ', '
      )}): ${fmtInt(opts.activities)} activities, Norsjö + ${fmtInt(opts.agreements)} agreements, ${opts.runs} runs per case`
  );
  log(
    `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), ${fmtMb(totalmem())} RAM, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  );
  log(`memory at start: ${memory().text}`);
  const results: EngineResult[] = [];
  const cases = opts.cases;
  const onData = cases['follow-up'] || cases.dashboard;
  for (const engine of onData ? opts.engines : []) {
    if (engine === 'postgresql' && !opts.pgUrl) {
      log(
        '\n=== postgresql ===\n  skipped: set TEST_DATABASE_URL (or BENCH_DATABASE_URL), e.g. postgres://postgres@127.0.0.1:5432/test'
      );
      continue;
    }
    if (cases['follow-up']) results.push(await benchEngine(engine, opts));
    if (cases.dashboard) results.push(await benchDashboard(engine, opts));
  }
  if (cases['public-page']) await benchPublicPage();
  if (cases.import) await benchImport();
  log('\n=== summary ===');
  for (const r of results)
    for (const t of [...r.timings, ...r.candidate])
      log(
        `${t.label}, ${fmtInt(r.activities)} activities, ${r.engine}: median ${fmtMs(t.median)}, p95 ${fmtMs(t.p95)}`
      );
  log(`bench total: ${fmtS(performance.now() - started)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
