/**
 * `npm run bench`: the time to compute the follow-up of one agreement over four years with
 * (by default) one million activities spread over ~250 agreements, on SQLite and on PostgreSQL.
 * Prints figures; it is not a test. See docs/BENCHMARKS.md.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { benchDashboard } from './dashboard';
import { benchEngine, type EngineResult } from './engine';
import { benchImport } from './import';
import { benchNational, nationalTable, type NationalResult } from './national';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { benchOptions } from './options';
import { benchPublicPage } from './public-page';
import { benchWrites } from './writes';
import { addRow, growthTable, reportRows, reportTable } from './report';
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
      )}): ${opts.sizes.map(fmtInt).join(' and ')} activities, Norsjö + ${fmtInt(opts.agreements)} agreements${opts.cases.national ? `; national: ${opts.nationalSizes.map(fmtInt).join(' and ')} activities` : ''}, ${opts.runs} runs per case`
  );
  log(
    `Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? '?'}), ${fmtMb(totalmem())} RAM, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`
  );
  log(`memory at start: ${memory().text}`);
  const loadAtStart = loadavg();
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
    if (cases['follow-up'])
      for (const activities of opts.sizes)
        results.push(await benchEngine(engine, { ...opts, activities }));
    if (cases.dashboard) results.push(await benchDashboard(engine, opts));
  }
  const national: NationalResult[] = [];
  for (const engine of cases.national ? opts.engines : []) {
    if (engine === 'postgresql' && !opts.pgUrl) {
      log(
        '\n=== national, postgresql ===\n  skipped: set TEST_DATABASE_URL (or BENCH_DATABASE_URL)'
      );
      continue;
    }
    for (const size of opts.nationalSizes)
      national.push(
        await benchNational(engine, size, {
          pgUrl: opts.pgUrl,
          runs: opts.runs,
          loadAverage: loadavg
        })
      );
  }
  const page = cases['public-page'] ? await benchPublicPage() : null;
  if (cases.import) await benchImport();
  if ((cases as Partial<Record<string, boolean>>).writes) await benchWrites(opts.engines);
  log('\n=== summary ===');
  for (const r of results)
    for (const t of [...r.timings, ...r.candidate])
      log(
        `${t.label}, ${fmtInt(r.activities)} activities, ${r.engine}: median ${fmtMs(t.median)}, p95 ${fmtMs(t.p95)}`
      );
  log(`bench total: ${fmtS(performance.now() - started)}`);
  const table = nationalTable(national);
  if (table) log(`\n${table}`);
  nationalRows(national);
  const rowsTable = reportTable();
  const growth = growthTable();
  if (rowsTable) log(`\n${rowsTable}`);
  if (growth) log(`\n${growth}`);
  const report = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? '?',
    loadAverage: { start: loadAtStart, end: loadavg() },
    options: { ...opts, pgUrl: opts.pgUrl ? '(set)' : undefined },
    followUp: results,
    national,
    publicPage: page,
    rows: reportRows(),
    totalMs: performance.now() - started
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(`${opts.out}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(
    `${opts.out}.md`,
    `# Bench ${report.at}\n\nNode ${report.node}, ${report.cpus} CPUs (${report.cpu}); load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${report.loadAverage.end.map((l) => l.toFixed(2)).join(' ')} at the end.\n\n## Every figure beside its limit\n\n${rowsTable}\n${growth ? `\n## Growth with the activities\n\n${growth}\n` : ''}${table ? `\n## National case\n\n${table}\n` : ''}${page ? `\n## Public page\n\n${page.table}\n` : ''}`
  );
  log(`\nwrote ${opts.out}.json and ${opts.out}.md`);
}

/** The national case's figures (bench/national.ts) as report rows. */
function nationalRows(national: NationalResult[]) {
  for (const r of national)
    for (const f of r.figures)
      addRow({
        case: 'national',
        figure: f.limit ? `${f.name} ÷ ${f.limit.name}` : f.name,
        engine: r.engine,
        activities: r.activities,
        value: f.limit ? f.value / f.limit.value : f.value,
        unit: f.limit ? '×' : f.unit,
        limit: f.limit ? f.limit.max : null,
        limitKind: 'max',
        note: f.limit ? `${fmtMs(f.value)} vs ${fmtMs(f.limit.value)}` : undefined
      });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
