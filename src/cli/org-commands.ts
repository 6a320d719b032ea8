import type { Command } from 'commander';
import type { App } from '../lib/server/app';
import { SYSTEM } from '../lib/server/auth/policy';
import { listPoliceAreas } from '../lib/server/services/accounts/organisation.service';
import { addPoliceArea } from '../lib/server/services/accounts/police-area.service';

type WithApp = <T>(fn: (app: App) => Promise<T>) => Promise<T>;

/** `loften org add-police-area` and `loften org police-areas`. */
export function addOrgCommands(program: Command, withApp: WithApp): void {
  const org = program.command('org').description('Organisationer (organisations)');
  org
    .command('add-police-area')
    .description(
      'Lägg till ett lokalpolisområde under en polisregion (add a local police area under a region)'
    )
    .requiredOption(
      '--region <name>',
      'polisregion: Stockholm, Mitt, Bergslagen, Öst, Väst, Syd eller Nord'
    )
    .requiredOption('--name <name>', 'namn, t.ex. "Lokalpolisområde Umeå"')
    .option('--municipalities <codes>', 'kommunkoder i området, kommaseparerade, t.ex. 2480,2482')
    .action(async (o: { region: string; name: string; municipalities?: string }) => {
      await withApp(async ({ ctx }) => {
        const a = await addPoliceArea(ctx, SYSTEM, o);
        const where = a.municipalities.length
          ? `, ${a.municipalities.map((m) => `${m.name} (${m.code})`).join(', ')}`
          : '';
        console.log(`Lade till ${a.name} (id ${a.id}) i polisregion ${a.region}${where}.`);
      });
    });
  org
    .command('police-areas')
    .description('Visa polisregioner och polisområden (list police regions and areas)')
    .action(async () => {
      await withApp(async ({ ctx }) => {
        for (const a of await listPoliceAreas(ctx, 1000))
          console.log([a.id, a.level ?? '', a.parentId ?? '', a.name].join('\t'));
      });
    });
}
