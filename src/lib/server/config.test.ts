import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testDatabaseUrl } from './config';

describe('loadConfig', () => {
  it('uses the embedded SQLite file and demo mode when nothing is set', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'sqlite', path: './data/loften.db' });
    expect(c.demo).toBe(true);
    expect(c.port).toBe(3000);
  });

  it('uses PostgreSQL when DATABASE_URL is a postgres URL', () => {
    expect(
      loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).database
    ).toEqual({
      kind: 'postgresql',
      url: 'postgres://postgres@127.0.0.1:5432/test'
    });
  });

  it('names the variable and what is expected in one line when a value is wrong', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /^Configuration error: DATABASE_URL: expected a PostgreSQL URL/
    );
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      'Configuration error: PORT: expected a whole number from 1 to 65535'
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      /LOG_LEVEL: expected debug, info, warn or error/
    );
    expect(() => loadConfig({ ORIGIN: 'not a url' })).toThrow(/ORIGIN/);
    for (const bad of [{ PORT: 'x' }, { SESSION_HOURS: '0' }]) {
      try {
        loadConfig(bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect(String((e as Error).message)).not.toContain('\n');
      }
    }
  });

  it('turns demo mode off in production and refuses to combine them', () => {
    const key = 'a'.repeat(64);
    expect(loadConfig({ NODE_ENV: 'production', AUDIT_HMAC_KEY: key }).demo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', LOFTEN_DEMO: 'true' })).toThrow(
      /LOFTEN_DEMO/
    );
  });

  it('rejects a TEST_DATABASE_URL that is not PostgreSQL', () => {
    expect(testDatabaseUrl({})).toBeUndefined();
    expect(() => testDatabaseUrl({ TEST_DATABASE_URL: 'sqlite://x' })).toThrow(/TEST_DATABASE_URL/);
  });
});

describe('testDatabaseKinds', () => {
  it('runs on SQLite alone, or on both when a PostgreSQL URL is given, or as TEST_DIALECTS says', async () => {
    const { testDatabaseKinds } = await import('./config');
    const url = 'postgres://postgres@127.0.0.1:5432/test';
    expect(testDatabaseKinds({})).toEqual(['sqlite']);
    expect(testDatabaseKinds({ TEST_DATABASE_URL: url })).toEqual(['sqlite', 'postgresql']);
    expect(testDatabaseKinds({ TEST_DATABASE_URL: url, TEST_DIALECTS: 'postgresql' })).toEqual([
      'postgresql'
    ]);
    expect(() => testDatabaseKinds({ TEST_DIALECTS: 'postgresql' })).toThrow(/TEST_DATABASE_URL/);
    expect(() => testDatabaseKinds({ TEST_DIALECTS: 'mysql' })).toThrow(/TEST_DIALECTS/);
  });
});
