import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { App } from '../lib/server/app';
import type { Config } from '../lib/server/config';
import { ValidationError } from '../lib/server/services/shared/errors';
import {
  createCheckpoint,
  parseCheckpointFile,
  verifyAudit,
  type Checkpoint
} from '../lib/server/services/shared/audit.service';

type WithApp = <T>(fn: (app: App) => Promise<T>) => Promise<T>;

/** Says so when the chain is keyed with the public development key. */
const warnDevelopmentKey = (config: Config) => {
  if (config.audit.development)
    console.error(
      'Obs: AUDIT_HMAC_KEY är inte satt, så utvecklingsnyckeln används. Den är offentlig och skyddar inte loggen.'
    );
};

/** Reads a checkpoint file; a missing or unreadable file is a field error, not a stack trace. */
async function readCheckpoints(file: string): Promise<Checkpoint[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ValidationError([{ field: 'checkpoint', message: `Kan inte läsa filen ${file}.` }]);
  }
  return parseCheckpointFile(text);
}

/** `loften audit verify` and `loften audit checkpoint`. */
export function addAuditCommands(program: Command, withApp: WithApp): void {
  const audit = program.command('audit').description('Granskningsloggen (the audit trail)');
  audit
    .command('verify')
    .description(
      'Kontrollera kedjan, kontrollpunkterna och att aktiviteterna stämmer med loggen (verify the trail)'
    )
    .option(
      '--checkpoint <file>',
      'en sparad kontrollpunkt (från "audit checkpoint --out" eller /granskning/kontrollpunkter.json)'
    )
    .action(async (o: { checkpoint?: string }) => {
      const checkpoints = o.checkpoint ? await readCheckpoints(o.checkpoint) : [];
      await withApp(async ({ ctx }) => {
        warnDevelopmentKey(ctx.config);
        const r = await verifyAudit(ctx, { checkpoints });
        for (const p of r.problems) console.error(`Fel: ${p.message} (${p.code})`);
        const summary = `${r.entries} poster, ${r.checkpointsChecked} kontrollpunkter, ${r.rowsChecked} aktiviteter jämförda med loggen (${r.rowsNotCovered} utan post i loggen: demodata, importer eller äldre än nyckeln).`;
        if (r.ok) {
          console.log(`Granskningsloggen stämmer: ${summary} (audit trail ok)`);
        } else {
          console.error(`Granskningsloggen stämmer inte: ${r.problems.length} fel. ${summary}`);
          process.exitCode = 1;
        }
      });
    });
  audit
    .command('checkpoint')
    .description(
      'Skriv dagens kontrollpunkt av kedjans huvud nu, och spara den i en fil (write a checkpoint)'
    )
    .option('--out <file>', 'spara kontrollpunkten som JSON i den här filen')
    .action(async (o: { out?: string }) => {
      await withApp(async ({ ctx }) => {
        warnDevelopmentKey(ctx.config);
        const c = await createCheckpoint(ctx);
        if (!c) {
          console.log('Granskningsloggen är tom; ingen kontrollpunkt skrevs.');
          return;
        }
        if (o.out) await writeFile(o.out, `${JSON.stringify(c, null, 2)}\n`, 'utf8');
        console.log(
          `Kontrollpunkt ${c.day}: post nr ${c.seq}, ${c.head}${o.out ? `, sparad i ${o.out}` : ''}.`
        );
      });
    });
}
