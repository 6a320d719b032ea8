import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCli } from '../../test/support/cli';
import { DATABASES } from '../../test/support/databases';
import { freshDatabase, type FreshDatabase } from '../../test/support/fresh-database';
import { openApp } from '../lib/server/app';
import { loadConfig } from '../lib/server/config';
import { main } from './main';

/** Rows in a table of the CLI's database, through the same configuration the CLI reads. */
async function count(table: 'agreements' | 'activities' | 'surveys' | 'users'): Promise<number> {
  const app = await openApp(loadConfig());
  try {
    const row = await app.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await app.close();
  }
}

describe.each(DATABASES)('the loften command on $kind', ({ kind }) => {
  const cli = useCli('loften-main-cli-');
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase(kind);
    Object.assign(process.env, fresh.env);
  });
  afterAll(() => fresh.drop());

  it('refuses to work on a database that is not migrated, in one line with exit code 2', async () => {
    expect(await main(['user', 'login-link', '--email', 'admin@example.se'])).toBe(2);
    expect(await main(['demo', 'norsjo'])).toBe(2);
    expect(cli.err).toEqual([
      'Databasen är inte migrerad: kör `loften db migrate`',
      'Databasen är inte migrerad: kör `loften db migrate`'
    ]);
    expect(cli.out).toEqual([]);
  });

  it('`db migrate` migrates and adds reference data, and says so; a second run has nothing to do', async () => {
    expect(await main(['db', 'migrate'])).toBe(0);
    expect(cli.out[0]).toMatch(
      new RegExp(
        `^Databasen \\(${kind}\\) är uppdaterad: körde \\d+ migreringar, la in 297 kommuner och polisregioner\\.$`
      )
    );
    expect(await main(['db', 'migrate'])).toBe(0);
    expect(cli.out[1]).toBe(`Databasen (${kind}) är uppdaterad: inga nya migreringar.`);
    expect(await count('agreements')).toBe(0);
  });

  it('`demo norsjo` seeds the labelled Norsjö demo once, and no demo accounts outside demo mode', async () => {
    expect(await main(['demo', 'norsjo'])).toBe(0);
    expect(cli.out[0]).toMatch(
      /^Norsjö-demot finns \(överenskommelse [^)]+\): http.*\/kommuner\/2417$/
    );
    expect(cli.out[1]).toContain('Inga demokonton');
    const first = {
      agreements: await count('agreements'),
      activities: await count('activities'),
      surveys: await count('surveys'),
      users: await count('users')
    };
    expect(first.agreements).toBe(1);
    expect(first.activities).toBeGreaterThan(100);
    expect(first.surveys).toBeGreaterThan(0);
    expect(first.users).toBe(0);

    expect(await main(['demo', 'norsjo'])).toBe(0);
    expect(cli.out[2]).toBe(cli.out[0]);
    expect({
      agreements: await count('agreements'),
      activities: await count('activities'),
      surveys: await count('surveys'),
      users: await count('users')
    }).toEqual(first);
  });

  it('`org add-police-area` adds an area under a region, and names the field when refused', async () => {
    expect(
      await main([
        'org',
        'add-police-area',
        '--region',
        'Nord',
        '--name',
        'Lokalpolisområde Umeå',
        '--municipalities',
        '2480,2481'
      ])
    ).toBe(0);
    expect(cli.out).toEqual([
      'Lade till Lokalpolisområde Umeå (id lpo-lokalpolisomrade-umea) i polisregion Nord, Umeå (2480), Lycksele (2481).'
    ]);
    expect(await main(['org', 'add-police-area', '--region', 'Norr', '--name', 'LPO Kiruna'])).toBe(
      1
    );
    expect(cli.err).toEqual([
      'Fel: region: Det finns ingen polisregion "Norr". Välj en av: Stockholm, Mitt, Bergslagen, Öst, Väst, Syd, Nord.'
    ]);
    expect(await main(['org', 'police-areas'])).toBe(0);
    expect(cli.out).toContain(
      'lpo-lokalpolisomrade-umea\tlokalpolisomrade\tpolisregion-nord\tLokalpolisområde Umeå'
    );
  });
});
