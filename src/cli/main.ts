import { SYSTEM } from '../lib/server/auth/policy';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../lib/server/config';
import { migrateApp, openApp, SchemaNotCurrentError, type App } from '../lib/server/app';
import { ValidationError } from '../lib/server/services/shared/errors';
import { addUser, setRole, ROLES } from '../lib/server/services/accounts/user.service';
import { createOneTimeLogin } from '../lib/server/services/accounts/auth.service';
import { publicLink } from '../lib/server/services/accounts/public-address';
import { backup, restore } from '../lib/server/services/shared/backup.service';
import { findUserIdByEmail } from '../lib/server/services/accounts/user.service';
import {
  configureOidcProvider,
  listOidcProviders
} from '../lib/server/services/accounts/oidc.service';
import { sendWeeklyDigests } from '../lib/server/jobs/weekly-digest.job';
import { registerDocumentImport } from './document-import';
import { addStatisticsCommands } from './statistics-commands';
import { addTokenCommands } from './token-commands';
import { addAuditCommands } from './audit-commands';
import { addDemoCommands } from './demo-commands';
import { addNationalDemo } from './demo-national';
import { addOrgCommands } from './org-commands';

/**
 * Runs a command against the database and always closes it. It neither migrates nor seeds: on a
 * database behind the code it stops with SchemaNotCurrentError (`loften db migrate` first).
 */
async function withApp<T>(fn: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp(loadConfig());
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

export function buildProgram(): Command {
  const program = new Command('loften')
    .description(
      'Löften: medborgarlöften mellan polis och kommun / citizen promises between police and municipality'
    )
    .exitOverride();

  const user = program.command('user').description('Hantera konton (manage accounts)');
  user
    .command('add')
    .description('Skapa ett lokalt konto (create a local account)')
    .requiredOption('--email <email>', 'e-postadress')
    .requiredOption('--name <name>', 'namn')
    .option('--password <password>', 'lösenord, minst 12 tecken (utelämna för en engångslänk)')
    .option('--org <organisation>', 'organisation: id, kommunkod eller exakt namn')
    .option('--role <role>', `roll: ${ROLES.join(', ')}`)
    .action(
      async (o: {
        email: string;
        name: string;
        password?: string;
        org?: string;
        role?: string;
      }) => {
        if ((o.org && !o.role) || (!o.org && o.role))
          throw new ValidationError([
            { field: 'role', message: 'Ange både --org och --role, eller ingen av dem.' }
          ]);
        await withApp(async ({ ctx }) => {
          const u = await addUser(ctx, SYSTEM, {
            email: o.email,
            name: o.name,
            password: o.password
          });
          console.log(`Skapade ${u.email} (id ${u.id}).`);
          if (o.org && o.role) {
            const m = await setRole(ctx, SYSTEM, {
              email: o.email,
              organisation: o.org,
              role: o.role
            });
            console.log(`${u.email} är ${m.role} i ${m.organisationName}.`);
          }
          if (!o.password) {
            const secret = await createOneTimeLogin(ctx, u.id, 24);
            console.log(
              `Engångslänk för att logga in och välja lösenord (24 timmar): ${publicLink(ctx.config, `/logga-in/engang/${secret}`)}`
            );
          }
        });
      }
    );
  user
    .command('role')
    .description('Ge ett konto en roll i en organisation (give an account a role)')
    .requiredOption('--email <email>', 'e-postadress')
    .requiredOption('--org <organisation>', 'organisation: id, kommunkod eller exakt namn')
    .requiredOption('--role <role>', `roll: ${ROLES.join(', ')}`)
    .action(async (o: { email: string; org: string; role: string }) => {
      await withApp(async ({ ctx }) => {
        const m = await setRole(ctx, SYSTEM, { email: o.email, organisation: o.org, role: o.role });
        console.log(`${o.email} är ${m.role} i ${m.organisationName}.`);
      });
    });
  user
    .command('login-link')
    .description('Skapa en engångslänk för inloggning (one-time sign-in link)')
    .requiredOption('--email <email>', 'e-postadress')
    .action(async (o: { email: string }) => {
      await withApp(async ({ ctx }) => {
        const id = await findUserIdByEmail(ctx, o.email);
        if (!id)
          throw new ValidationError([
            { field: 'email', message: `Det finns inget konto för ${o.email}.` }
          ]);
        const secret = await createOneTimeLogin(ctx, id, 24);
        console.log(publicLink(ctx.config, `/logga-in/engang/${secret}`));
      });
    });

  const oidc = program
    .command('oidc')
    .description('Inloggning via OpenID Connect per organisation (sign-in per organisation)');
  oidc
    .command('add')
    .description(
      'Lägg till eller ändra en organisations inloggningstjänst (add or update an identity provider)'
    )
    .requiredOption('--org <organisation>', 'organisation: id, kommunkod eller exakt namn')
    .requiredOption('--name <name>', 'text på inloggningsknappen, t.ex. "Polisens inloggning"')
    .requiredOption('--issuer <url>', 'utfärdarens adress (issuer), https://…')
    .requiredOption('--client-id <id>', 'klient-id (client id)')
    .requiredOption('--client-secret <secret>', 'klienthemlighet (client secret); visas aldrig')
    .option('--scopes <scopes>', 'omfång (scopes), mellanslagsseparerade', 'openid email profile')
    .option('--disabled', 'spara avstängd (ingen knapp på inloggningssidan)')
    .action(
      async (o: {
        org: string;
        name: string;
        issuer: string;
        clientId: string;
        clientSecret: string;
        scopes: string;
        disabled?: boolean;
      }) => {
        await withApp(async ({ ctx }) => {
          const p = await configureOidcProvider(ctx, SYSTEM, {
            organisation: o.org,
            name: o.name,
            issuer: o.issuer,
            clientId: o.clientId,
            clientSecret: o.clientSecret,
            scopes: o.scopes,
            enabled: !o.disabled
          });
          console.log(
            `${p.created ? 'Lade till' : 'Ändrade'} "${p.name}" för ${p.organisationName} (id ${p.id}, ${p.enabled ? 'på' : 'avstängd'}).`
          );
          console.log(
            `Registrera omdirigeringsadressen hos utfärdaren: ${publicLink(ctx.config, '/logga-in/oidc/callback')}`
          );
        });
      }
    );
  oidc
    .command('list')
    .description('Visa inloggningstjänsterna (list identity providers; secrets are never shown)')
    .action(async () => {
      await withApp(async ({ ctx }) => {
        const providers = await listOidcProviders(ctx, SYSTEM);
        if (providers.length === 0) console.log('Inga inloggningstjänster är inställda.');
        for (const p of providers)
          console.log(
            [
              p.id,
              p.organisationName,
              p.name,
              p.issuer,
              p.clientId,
              p.scopes,
              p.enabled ? 'på' : 'av'
            ].join('\t')
          );
      });
    });

  program
    .command('db')
    .description('Databasen (the database)')
    .command('migrate')
    .description('Kör migreringar och lägg in referensdata (run migrations, add reference data)')
    .action(async () => {
      const r = await migrateApp(loadConfig());
      console.log(
        `Databasen (${r.kind}) är uppdaterad: ${r.ran.length ? `körde ${r.ran.length} migreringar` : 'inga nya migreringar'}${r.referenceRows ? `, la in ${r.referenceRows} kommuner och polisregioner` : ''}.`
      );
    });

  addOrgCommands(program, withApp);

  // `loften demo norsjo`; other demo data sets add a sub-command to this group on the line below.
  const demo = addDemoCommands(program, withApp);
  addNationalDemo(demo, withApp);

  addAuditCommands(program, withApp);

  program
    .command('digest')
    .description('Veckobrevet om vad som är på gång (the weekly e-mail digest)')
    .command('send')
    .description(
      'Skicka veckans brev nu till dem som inte har fått det (send this week’s digests now)'
    )
    .action(async () => {
      await withApp(async ({ ctx }) => {
        if (!ctx.config.mail)
          throw new ValidationError([
            { field: 'SMTP_URL', message: 'Ange en SMTP-server (SMTP_URL och MAIL_FROM) först.' }
          ]);
        const r = await sendWeeklyDigests(ctx);
        console.log(
          `Skickade ${r.sent}, inget att säga till ${r.empty}, misslyckades ${r.failed}.`
        );
        if (r.failed) process.exitCode = 1;
      });
    });

  addStatisticsCommands(program, withApp);

  addTokenCommands(program, withApp);

  registerDocumentImport(program, withApp);

  program
    .command('backup <file>')
    .description('Säkerhetskopiera SQLite-databasen medan appen kör (online backup)')
    .action(async (file: string) => {
      const config = loadConfig();
      const ctxLike = { config } as Parameters<typeof backup>[0];
      const r = await backup(ctxLike, file);
      console.log(`Säkerhetskopia skriven till ${file} (${r.pages} sidor).`);
    });
  program
    .command('restore <file>')
    .description('Återställ SQLite-databasen från en säkerhetskopia (stoppa appen först)')
    .action(async (file: string) => {
      const config = loadConfig();
      await restore({ config } as Parameters<typeof restore>[0], file);
      console.log(`Databasen återställd från ${file}.`);
    });
  return program;
}

/** Runs the CLI; bad arguments and bad input give one clear line and exit code 1, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    if (e instanceof SchemaNotCurrentError) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof ValidationError) {
      for (const f of e.fields) console.error(`Fel: ${f.field}: ${f.message}`);
      return 1;
    }
    if (e instanceof ConfigError || e instanceof Error) {
      console.error(`Fel: ${e.message}`);
      return 1;
    }
    console.error(`Fel: ${String(e)}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
