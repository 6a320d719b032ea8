import type { Command } from 'commander';
import { startApp, type App } from '../lib/server/app';
import { loadConfig } from '../lib/server/config';
import {
  buildNationalDemo,
  type NationalProgress
} from '../lib/server/seed/national/national.service';
import { refreshRollups } from '../lib/server/services/follow-up/national-rollup.service';
import { ValidationError } from '../lib/server/services/shared/errors';

type WithApp = <T>(fn: (app: App) => Promise<T>) => Promise<T>;

async function ownApp<T>(fn: (app: App) => Promise<T>): Promise<T> {
  const app = await startApp(loadConfig());
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** A whole number from an option, or a Swedish message naming the option. */
function wholeNumber(value: string, field: string): number {
  const n = Number(value.replace(/[_\s]/g, ''));
  if (!Number.isInteger(n) || n < 0)
    throw new ValidationError([
      { field, message: `--${field} ska vara ett heltal, 0 eller större (fick "${value}").` }
    ]);
  return n;
}

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise (logs,
 * CI), so stdout keeps only the result.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): NationalProgress {
  let lastPhase = '';
  let lastTenth = -1;
  let lastDraw = 0;
  return (phase, done, total) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const text = `${phase}: ${done.toLocaleString('sv-SE')} av ${total.toLocaleString('sv-SE')} (${Math.floor(share * 100)} %)`;
    if (stream.isTTY) {
      const now = Date.now();
      if (phase === lastPhase && done < total && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const full = Math.round(share * width);
      stream.write(`\r[${'#'.repeat(full)}${' '.repeat(width - full)}] ${text}\x1b[K`);
      if (done >= total) stream.write('\n');
    } else {
      const tenth = Math.floor(share * 10);
      if (phase !== lastPhase) lastTenth = -1;
      if (tenth !== lastTenth) stream.write(`${text}\n`);
      lastTenth = tenth;
    }
    lastPhase = phase;
  };
}

/**
 * `loften demo national [--activities N] [--seed S]`: the synthetic national dataset (all
 * municipalities, a demo police area per county, one agreement each, four years of activities,
 * small survey rounds), labelled demo everywhere it shows. See docs/BENCHMARKS.md.
 */
export function addNationalDemo(demo: Command, withApp: WithApp = ownApp): void {
  demo
    .command('national')
    .description(
      'Bygg ett påhittat nationellt demodata: alla kommuner, en överenskommelse var, fyra års aktiviteter (build a synthetic national dataset)'
    )
    .option('--activities <n>', 'antal aktiviteter', '5000000')
    .option('--seed <s>', 'slumpfrö: samma frö ger samma data', '1')
    .option('--municipalities <n>', 'bara de första N kommunerna (alla 290 utan den)')
    .option('--surveys-every <n>', 'var N:e kommun får en enkätomgång (0: inga)', '10')
    .action(
      async (o: {
        activities: string;
        seed: string;
        municipalities?: string;
        surveysEvery: string;
      }) => {
        const options = {
          activities: wholeNumber(o.activities, 'activities'),
          seed: wholeNumber(o.seed, 'seed'),
          municipalities:
            o.municipalities === undefined
              ? undefined
              : wholeNumber(o.municipalities, 'municipalities'),
          surveyEvery: wholeNumber(o.surveysEvery, 'surveys-every')
        };
        await withApp(async ({ ctx }) => {
          const started = performance.now();
          const progress = progressBar();
          const r = await buildNationalDemo(ctx, options, progress);
          const rollups = await refreshRollups(ctx, { progress });
          const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
          console.log(
            `Nationellt demodata (märkt demo): ${r.agreementIds.length} överenskommelser i ${r.policeAreas} lokalpolisområden, ` +
              `${r.activities.toLocaleString('sv-SE')} aktiviteter (${r.deleted.toLocaleString('sv-SE')} borttagna) ${r.span.start} – ${r.span.end}, ` +
              `${r.surveys} enkäter med ${r.answers} svar.`
          );
          console.log(
            `Tid: överenskommelser ${s(r.ms.agreements)}, aktiviteter ${s(r.ms.activities)} ` +
              `(${Math.round(r.activities / Math.max(r.ms.activities / 1000, 0.001)).toLocaleString('sv-SE')} per sekund), ` +
              `enkäter ${s(r.ms.surveys)}, sammanställningar ${s(rollups.ms)}; totalt ${s(performance.now() - started)}.`
          );
        });
      }
    );
}
