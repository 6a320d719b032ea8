import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, testClock } from '../../../test/support/databases';
import { freshDatabase, type FreshDatabase } from '../../../test/support/fresh-database';
import { migrateApp, openApp, SchemaNotCurrentError, startApp } from './app';
import { loadConfig } from './config';
import { countOrganisations } from './db/repositories/accounts/organisation.repository';
import { hasDemoActivities } from './db/repositories/logging/activity.repository';
import { findNorsjoAgreementId } from './seed/norsjo.service';
import { listPoliceAreas } from './services/accounts/organisation.service';

const PRODUCTION = { NODE_ENV: 'production', AUDIT_HMAC_KEY: 'a'.repeat(64), LOG_LEVEL: 'warn' };

describe.each(DATABASES)('start-up on $kind', ({ kind }) => {
  let fresh: FreshDatabase;
  const clock = testClock();
  beforeAll(async () => {
    fresh = await freshDatabase(kind);
  });
  afterAll(() => fresh.drop());

  it('a command refuses a database that is not migrated, and `db migrate` adds reference data but no Norsjö', async () => {
    const config = loadConfig({ ...PRODUCTION, ...fresh.env });
    const refused = await openApp(config, clock.now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SchemaNotCurrentError);
    expect((refused as SchemaNotCurrentError).message).toBe(
      'Databasen är inte migrerad: kör `loften db migrate`'
    );
    expect((refused as SchemaNotCurrentError).pending.length).toBeGreaterThan(20);

    const migrated = await migrateApp(config, clock.now);
    expect(migrated.ran.length).toBe((refused as SchemaNotCurrentError).pending.length);
    expect(migrated.referenceRows).toBe(297);
    expect((await migrateApp(config, clock.now)).ran).toEqual([]);

    const app = await openApp(config, clock.now);
    try {
      expect(await countOrganisations(app.ctx.db, 'municipality')).toBe(290);
      expect(await findNorsjoAgreementId(app.ctx)).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('a production start makes the first admin and reference data, never Norsjö', async () => {
    const app = await startApp(loadConfig({ ...PRODUCTION, ...fresh.env }), clock.now);
    try {
      expect(app.notice.kind).toBe('one-time-login');
      expect(await findNorsjoAgreementId(app.ctx)).toBeNull();
      const areas = await listPoliceAreas(app.ctx, 100);
      expect(areas.map((a) => a.level)).toEqual(Array(7).fill('polisregion'));
      expect(areas.map((a) => a.name)).toContain('Polisregion Nord');
    } finally {
      await app.close();
    }
  });

  it('a demo start adds the labelled Norsjö demo and its demo accounts to the same database', async () => {
    const app = await startApp(
      loadConfig({ LOFTEN_DEMO: 'true', LOG_LEVEL: 'warn', ...fresh.env }),
      clock.now
    );
    try {
      expect(app.notice.kind).toBe('demo');
      const id = await findNorsjoAgreementId(app.ctx);
      expect(id).not.toBeNull();
      expect(await hasDemoActivities(app.ctx.db, id!)).toBe(true);
      expect((await listPoliceAreas(app.ctx, 100)).map((a) => a.name)).toContain(
        'Lokalpolisområde Skellefteå'
      );
    } finally {
      await app.close();
    }
  });
});
