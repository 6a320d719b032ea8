import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../lib/server/config';
import { openDatabase } from '../lib/server/db/connection';
import { resolveApiToken } from '../lib/server/services/accounts/token.service';
import { main } from './main';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

// The CLI reads its configuration from the environment: a fresh SQLite file, not demo mode.
let dir: string;
const saved = { ...process.env };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loften-token-cli-'));
  process.env.SQLITE_PATH = join(dir, 'loften.db');
  process.env.LOFTEN_DEMO = 'false';
  delete process.env.DATABASE_URL;
});
afterAll(async () => {
  process.env = saved;
  await rm(dir, { recursive: true, force: true });
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
    out = [];
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
    const secret = out[0]!;
    expect(secret).toMatch(/^lft_/);
    expect(err.join('\n')).toMatch(/Spara den nu: den visas inte igen/);

    const handle = openDatabase(loadConfig().database);
    const ctx = { db: handle.db, dbKind: handle.kind, config: loadConfig(), now: () => new Date() };
    try {
      const actor = await resolveApiToken(ctx, secret);
      expect(actor?.email).toBe('rapport@example.se');
      expect(actor?.memberships).toEqual([{ organisationId: 'kommun-2417', role: 'reporter' }]);

      out = [];
      expect(await main(['token', 'list', '--email', 'rapport@example.se'])).toBe(0);
      const [id, prefix, name, , , state] = out[0]!.split('\t');
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
    expect(err).toEqual([
      'Fel: email: Det finns inget aktivt konto med e-postadressen ingen@example.se.'
    ]);
  });
});
