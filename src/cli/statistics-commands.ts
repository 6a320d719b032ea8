import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { App } from '../lib/server/app';
import { SYSTEM } from '../lib/server/auth/policy';
import { ValidationError } from '../lib/server/services/shared/errors';
import { importBraStatistics } from '../lib/server/services/dialogue/crime-statistics.service';
import {
  importPoliceEvents,
  pollPoliceEvents
} from '../lib/server/services/dialogue/police-events.service';

type WithApp = <T>(fn: (app: App) => Promise<T>) => Promise<T>;

/** `loften stats import-bra`, `loften events import` and `loften events poll-once`. */
export function addStatisticsCommands(program: Command, withApp: WithApp): void {
  program
    .command('stats')
    .description('Brottsstatistik för lägesbilden (crime statistics)')
    .command('import-bra <file>')
    .description('Läs in Brås tabell över anmälda brott (CSV) per kommun, brottskategori och år')
    .action(async (file: string) => {
      const bytes = new Uint8Array(await readFile(file));
      await withApp(async ({ ctx }) => {
        const r = await importBraStatistics(ctx, SYSTEM, { name: basename(file), bytes });
        console.log(
          `Läste ${r.read} värden: ${r.added} nya, ${r.updated} ändrade, ${r.unchanged} oförändrade, ${r.skipped} hoppades över.`
        );
        for (const p of r.problems.slice(0, 20)) console.error(`Rad ${p.line}: ${p.message}`);
        if (r.problems.length > 20) console.error(`… och ${r.problems.length - 20} rader till.`);
      });
    });

  const events = program
    .command('events')
    .description('Polisens händelser (police events from polisen.se/api/events)');
  events
    .command('import <file>')
    .description(
      'Läs in en sparad kopia av händelseflödet (JSON); samma händelse läses aldrig in två gånger'
    )
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8');
      await withApp(async ({ ctx }) => {
        const r = await importPoliceEvents(ctx, SYSTEM, { name: basename(file), text });
        console.log(
          `Läste ${r.read} händelser: ${r.added} nya, ${r.updated} ändrade, ${r.skipped} oläsbara.`
        );
      });
    });
  events
    .command('poll-once')
    .description(
      'Hämta händelseflödet en gång nu, om reglerna tillåter (minst 10 s mellan anrop, högst 60 i timmen)'
    )
    .action(async () => {
      await withApp(async ({ ctx }) => {
        if (!ctx.config.policeEvents.contact)
          throw new ValidationError([
            {
              field: 'POLICE_EVENTS_CONTACT',
              message:
                'Ange en kontakt (e-post eller webbadress) som skickas med i anropet, till exempel it@kommun.se.'
            }
          ]);
        const r = await pollPoliceEvents(ctx, { force: true });
        if (r.status === 'ok')
          console.log(`Hämtade ${r.read} händelser: ${r.added} nya, ${r.updated} ändrade.`);
        else if (r.status === 'too-soon')
          console.log('Inget anrop: mindre än 10 sekunder sedan förra. Försök igen strax.');
        else if (r.status === 'hourly-cap')
          console.log('Inget anrop: 60 anrop den senaste timmen. Försök igen senare.');
        else if (r.status === 'failed') {
          console.error(`Anropet misslyckades: ${r.message}`);
          process.exitCode = 1;
        }
      });
    });
}
