import type { Command } from 'commander';
import type { App } from '../lib/server/app';
import { actorFor } from '../lib/server/services/accounts/auth.service';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken
} from '../lib/server/services/accounts/token.service';
import { findUserIdByEmail } from '../lib/server/services/accounts/user.service';
import { ValidationError } from '../lib/server/services/shared/errors';

type WithApp = <T>(fn: (app: App) => Promise<T>) => Promise<T>;

/** The account an operator acts for; its tokens carry that person's roles, nothing more. */
async function accountOf(app: App, email: string) {
  const id = await findUserIdByEmail(app.ctx, email);
  const actor = id ? await actorFor(app.ctx, id) : null;
  if (!actor)
    throw new ValidationError([
      { field: 'email', message: `Det finns inget aktivt konto med e-postadressen ${email}.` }
    ]);
  return actor;
}

/**
 * `loften token create | list | revoke`: API tokens for machine clients (a reporting system
 * that logs activities), the same as under Konto → API-nycklar. A token acts as its owner, with
 * the owner's roles; the secret is shown once.
 */
export function addTokenCommands(program: Command, withApp: WithApp): void {
  const token = program.command('token').description('API-nycklar (API tokens)');
  token
    .command('create')
    .description('Skapa en API-nyckel för ett konto; nyckeln visas en gång (create a token)')
    .requiredOption('--email <email>', 'kontots e-postadress')
    .requiredOption('--name <name>', 'vad nyckeln används till, t.ex. "Rapportverktyg"')
    .action(async (o: { email: string; name: string }) => {
      await withApp(async (app) => {
        const { token: secret, view } = await createApiToken(
          app.ctx,
          await accountOf(app, o.email),
          { name: o.name }
        );
        console.log(secret);
        console.error(
          `Nyckeln ”${view.name}” (${view.prefix}…, id ${view.id}) är skapad. Spara den nu: den visas inte igen.`
        );
      });
    });
  token
    .command('list')
    .description('Visa ett kontos API-nycklar (list tokens)')
    .requiredOption('--email <email>', 'kontots e-postadress')
    .action(async (o: { email: string }) => {
      await withApp(async (app) => {
        const views = await listApiTokens(app.ctx, await accountOf(app, o.email));
        if (views.length === 0) console.log('Kontot har inga API-nycklar.');
        for (const v of views)
          console.log(
            [
              v.id,
              `${v.prefix}…`,
              v.name,
              `skapad ${v.createdAt.slice(0, 10)}`,
              v.lastUsedAt ? `senast använd ${v.lastUsedAt.slice(0, 10)}` : 'aldrig använd',
              v.revokedAt ? `återkallad ${v.revokedAt.slice(0, 10)}` : 'aktiv'
            ].join('\t')
          );
      });
    });
  token
    .command('revoke <id>')
    .description('Återkalla en API-nyckel (revoke a token)')
    .requiredOption('--email <email>', 'kontots e-postadress')
    .action(async (id: string, o: { email: string }) => {
      await withApp(async (app) => {
        await revokeApiToken(app.ctx, await accountOf(app, o.email), id);
        console.log(`Nyckeln ${id} är återkallad.`);
      });
    });
}
