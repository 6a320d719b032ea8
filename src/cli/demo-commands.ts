import type { Command } from 'commander';
import type { App } from '../lib/server/app';
import { seedNorsjoDemo } from '../lib/server/seed/demo-mode';
import { describeNotice } from '../lib/server/services/accounts/first-start.service';
import { publicLink } from '../lib/server/services/accounts/public-address';

type WithApp = <T>(fn: (app: App) => Promise<T>) => Promise<T>;

/**
 * `loften demo …`: the command group demo data sets hang on. Returns the group so other demo
 * commands (`loften demo national`) add themselves to it.
 */
export function addDemoCommands(program: Command, withApp: WithApp): Command {
  const demo = program
    .command('demo')
    .description('Demodata, alltid märkt som demo (demo data, always labelled demo)');
  demo
    .command('norsjo')
    .description(
      'Lägg in Norsjö-demot: 2019 års medborgarlöfte med påhittade aktiviteter, enkät och lägesbild; går att köra flera gånger'
    )
    .action(async () => {
      await withApp(async ({ ctx }) => {
        const r = await seedNorsjoDemo(ctx, { accounts: true });
        console.log(
          `Norsjö-demot finns (överenskommelse ${r.agreementId}): ${publicLink(ctx.config, '/kommuner/2417')}`
        );
        const base = publicLink(ctx.config, '/').replace(/\/$/, '');
        if (r.notice) for (const line of describeNotice(r.notice, base)) console.log(line);
        else
          console.log(
            'Inga demokonton: de skapas bara i demoläge (LOFTEN_DEMO=true), eftersom lösenordet är offentligt.'
          );
      });
    });
  return demo;
}
