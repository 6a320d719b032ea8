import { beforeAll, describe, expect, it } from 'vitest';
import { useCli } from '../../test/support/cli';
import { loadConfig } from '../lib/server/config';
import { openDatabase } from '../lib/server/db/connection';
import { resolveApiToken } from '../lib/server/services/accounts/token.service';
import { main } from './main';

const cli = useCli('loften-token-cli-');

// Commands do not migrate: the database is migrated once, as an operator would.
beforeAll(async () => {
  expect(await main(['db', 'migrate'])).toBe(0);
});

describe('loften token', () => {
  it('creates a token that acts as its owner, lists it, and revokes it', async () => {
    expect(
      await main([
        'user',
        'add',
        '--email',
        'rapport@example.se',
        '--name',
        'Rapportverktyg',
        '--password',
        'ett långt lösenord',
        '--org',
        '2417',
        '--role',
        'reporter'
      ])
    ).toBe(0);
    cli.out.length = 0;
    expect(
      await main([
        'token',
        'create',
        '--email',
        'rapport@example.se',
        '--name',
        'Verksamhetssystem'
      ])
    ).toBe(0);
    const secret = cli.out[0]!;
    expect(secret).toMatch(/^lft_/);
    expect(cli.err.join('\n')).toMatch(/Spara den nu: den visas inte igen/);

    const handle = openDatabase(loadConfig().database);
    const ctx = { db: handle.db, dbKind: handle.kind, config: loadConfig(), now: () => new Date() };
    try {
      const actor = await resolveApiToken(ctx, secret);
      expect(actor?.email).toBe('rapport@example.se');
      expect(actor?.memberships).toEqual([{ organisationId: 'kommun-2417', role: 'reporter' }]);

      cli.out.length = 0;
      expect(await main(['token', 'list', '--email', 'rapport@example.se'])).toBe(0);
      const [id, prefix, name, , , state] = cli.out[0]!.split('\t');
      expect([prefix, name, state]).toEqual([
        `${secret.slice(0, 8)}…`,
        'Verksamhetssystem',
        'aktiv'
      ]);

      expect(await main(['token', 'revoke', id!, '--email', 'rapport@example.se'])).toBe(0);
      expect(await resolveApiToken(ctx, secret)).toBeNull();
    } finally {
      await handle.close();
    }
  });

  it('names the e-mail address when there is no such account', async () => {
    expect(await main(['token', 'list', '--email', 'ingen@example.se'])).toBe(1);
    expect(cli.err).toEqual([
      'Fel: email: Det finns inget aktivt konto med e-postadressen ingen@example.se.'
    ]);
  });
});
