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
      url: 'postgres://postgres@127.0.0.1:5432/test',
      poolSize: 20
    });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://h/db', DATABASE_POOL_SIZE: '5' }).database
    ).toMatchObject({ poolSize: 5 });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://h/db', DATABASE_POOL_SIZE: '0' })).toThrow(
      /DATABASE_POOL_SIZE/
    );
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

  it('keeps photos under PHOTO_DIR unless PHOTO_S3_BUCKET names a bucket', () => {
    expect(loadConfig({}).photos).toEqual({ kind: 'file', dir: './data/photos' });
    expect(loadConfig({ PHOTO_DIR: '/srv/photos' }).photos).toEqual({
      kind: 'file',
      dir: '/srv/photos'
    });
    expect(
      loadConfig({
        PHOTO_S3_BUCKET: 'loften-photos',
        PHOTO_S3_ENDPOINT: 'https://objects.example.se',
        PHOTO_S3_PREFIX: 'norsjo/photos',
        PHOTO_S3_ACCESS_KEY_ID: 'AKID',
        PHOTO_S3_SECRET_ACCESS_KEY: 'secret'
      }).photos
    ).toEqual({
      kind: 's3',
      bucket: 'loften-photos',
      endpoint: 'https://objects.example.se',
      region: 'eu-north-1',
      prefix: 'norsjo/photos/',
      pathStyle: true,
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' }
    });
    // Amazon S3 itself: no endpoint, the bucket in the host name, the SDK's own credentials.
    expect(
      loadConfig({ PHOTO_S3_BUCKET: 'loften-photos', PHOTO_S3_REGION: 'eu-west-1' }).photos
    ).toMatchObject({
      endpoint: null,
      region: 'eu-west-1',
      prefix: '',
      pathStyle: false,
      credentials: null
    });
    expect(
      loadConfig({
        PHOTO_S3_BUCKET: 'loften-photos',
        PHOTO_S3_ENDPOINT: 'https://objects.example.se',
        PHOTO_S3_PATH_STYLE: 'false'
      }).photos
    ).toMatchObject({ pathStyle: false });
  });

  it('names the photo store variable that is wrong or missing, in one line', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { PHOTO_S3_BUCKET: 'Loften_Photos' },
        /^Configuration error: PHOTO_S3_BUCKET: expected a bucket name/
      ],
      [
        { PHOTO_S3_BUCKET: 'b12', PHOTO_S3_ENDPOINT: 'ftp://x' },
        /^Configuration error: PHOTO_S3_ENDPOINT: expected the store’s address/
      ],
      [
        { PHOTO_S3_BUCKET: 'b12', PHOTO_S3_REGION: 'EU North' },
        /PHOTO_S3_REGION: expected a region/
      ],
      [
        { PHOTO_S3_BUCKET: 'b12', PHOTO_S3_PREFIX: '../x' },
        /PHOTO_S3_PREFIX: expected a key prefix/
      ],
      [
        { PHOTO_S3_BUCKET: 'b12', PHOTO_S3_PATH_STYLE: 'maybe' },
        /PHOTO_S3_PATH_STYLE: expected true or false/
      ],
      [
        { PHOTO_S3_ENDPOINT: 'https://objects.example.se' },
        /^Configuration error: PHOTO_S3_BUCKET: must be set when PHOTO_S3_ENDPOINT is set/
      ],
      [
        { PHOTO_S3_BUCKET: 'b12', PHOTO_S3_ACCESS_KEY_ID: 'AKID' },
        /^Configuration error: PHOTO_S3_SECRET_ACCESS_KEY: must be set when PHOTO_S3_ACCESS_KEY_ID is set$/
      ],
      [
        { PHOTO_S3_BUCKET: 'b12', PHOTO_S3_SECRET_ACCESS_KEY: 'secret' },
        /^Configuration error: PHOTO_S3_ACCESS_KEY_ID: must be set/
      ],
      [
        { PHOTO_S3_BUCKET: 'b12', PHOTO_DIR: '/srv/photos' },
        /^Configuration error: PHOTO_DIR: unset it when PHOTO_S3_BUCKET is set/
      ]
    ];
    for (const [env, message] of cases) {
      let thrown: unknown;
      try {
        loadConfig(env);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect(String((thrown as Error).message), JSON.stringify(env)).toMatch(message);
      expect(String((thrown as Error).message)).not.toContain('\n');
      // The secret never appears in the message.
      expect(String((thrown as Error).message)).not.toContain('secret');
    }
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
