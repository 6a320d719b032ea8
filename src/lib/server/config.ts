import { z } from 'zod';

/** Where the data lives: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  /** poolSize: connections per process (DATABASE_POOL_SIZE, default 20). */
  | { kind: 'postgresql'; url: string; poolSize?: number };

/** The validated configuration of one Löften process. */
export type Config = {
  database: DatabaseConfig;
  port: number;
  origin: string | undefined;
  /** Demo mode: demo accounts with a documented password and labelled demo data. Never in production. */
  demo: boolean;
  production: boolean;
  sessionHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Outgoing e-mail over SMTP; null when SMTP_URL is unset (then no digests are sent). */
  mail: MailConfig | null;
  /** When the weekly digest goes out, in Swedish time: ISO weekday (1 = Monday) and hour. */
  digest: { weekday: number; hour: number };
  /** Polling the police's open events feed: off unless POLICE_EVENTS_POLL=true. */
  policeEvents: PoliceEventsConfig;
  /** The audit trail's HMAC key (AUDIT_HMAC_KEY); outside production a labelled development key when unset. */
  audit: { key: Buffer; development: boolean };
  /** The largest request body taken in, in bytes (BODY_SIZE_LIMIT, as the Node adapter reads it). */
  bodySizeLimit: number;
  /** Who runs this site, for open data: the catalogue's publisher (INSTANCE_PUBLISHER) and the
   * contact e-mail used when an agreement has no public contact with one (PUBLIC_CONTACT_EMAIL). */
  instance: { publisher: string; contactEmail: string | null };
  /** Where walk photos are kept: outside the public folder, served only through the app. */
  photos: PhotoStoreConfig;
  /** How old, in milliseconds, the public page cache's look at the change trail may be before a
   * request looks again (PUBLIC_CACHE_LOOK_MS, default 250; 0 looks at every request). */
  publicCacheLookMs: number;
};

/** The events poller: feed address, seconds between polls (at least 10), and who to contact. */
export type PoliceEventsConfig = {
  enabled: boolean;
  url: string;
  intervalSeconds: number;
  contact: string | null;
};

/**
 * Where walk photos are kept: a folder (PHOTO_DIR), or a bucket of an S3-compatible object store
 * when PHOTO_S3_BUCKET is set. `endpoint` null is Amazon S3 itself; `credentials` null leaves them
 * to the SDK's own chain (an instance or container role). Objects are written private.
 */
export type PhotoStoreConfig =
  | { kind: 'file'; dir: string }
  | {
      kind: 's3';
      bucket: string;
      endpoint: string | null;
      region: string;
      prefix: string;
      pathStyle: boolean;
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
    };

/** An SMTP server (smtp:// or smtps://, credentials in the URL) and the sender address. */
export type MailConfig = { smtpUrl: string; from: string };

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `expected a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, {
      message: `expected a whole number from ${min} to ${max}`
    });

/** AUDIT_HMAC_KEY: at least 32 bytes, written as hex or base64. */
const auditKey = z
  .string()
  .transform((v) =>
    /^[0-9a-f]+$/i.test(v) && v.length % 2 === 0
      ? Buffer.from(v, 'hex')
      : /^[A-Za-z0-9+/_-]+={0,2}$/.test(v)
        ? Buffer.from(v, 'base64')
        : Buffer.alloc(0)
  )
  .refine((b) => b.length >= 32, {
    message:
      'expected at least 32 random bytes as hex or base64, e.g. the output of: openssl rand -base64 32'
  });

/** The key used when AUDIT_HMAC_KEY is unset outside production. Public, so it protects nothing. */
export const DEVELOPMENT_AUDIT_KEY = Buffer.from(
  'loften-development-audit-key-not-secret-do-not-use-in-production'
);

/** BODY_SIZE_LIMIT as adapter-node reads it: bytes, or a number with K, M or G; Infinity for none. */
const byteSize = z
  .string()
  .regex(/^(\d+[KMG]?|Infinity)$/i, {
    message: 'expected a size in bytes, optionally with K, M or G (like 10M), or Infinity'
  })
  .transform((v) =>
    /^infinity$/i.test(v)
      ? Infinity
      : Number.parseInt(v, 10) *
        (({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[
          v.slice(-1).toUpperCase()
        ] ?? 1)
  );

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, {
      message:
        'expected a PostgreSQL URL like postgres://user@host:5432/db, or leave it unset for SQLite'
    })
    .optional(),
  DATABASE_POOL_SIZE: int(1, 500).default(20),
  SQLITE_PATH: z.string().min(1, { message: 'expected a file path' }).default('./data/loften.db'),
  PORT: int(1, 65535).default(3000),
  ORIGIN: z
    .url({ message: 'expected the public URL of the site, like https://loften.example.se' })
    .optional(),
  NODE_ENV: z.string().optional(),
  LOFTEN_DEMO: bool.optional(),
  SESSION_HOURS: int(1, 24 * 30).default(12),
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  LOGIN_WINDOW_MINUTES: int(1, 24 * 60).default(15),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { message: 'expected debug, info, warn or error' })
    .default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, {
      message:
        'expected an SMTP URL like smtp://user:password@mail.example.se:587, or leave it unset to turn e-mail off'
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/, {
      message: 'expected a sender like Löften <noreply@kommun.se> or noreply@kommun.se'
    })
    .optional(),
  DIGEST_WEEKDAY: int(1, 7).default(1),
  DIGEST_HOUR: int(0, 23).default(7),
  POLICE_EVENTS_POLL: bool.optional(),
  POLICE_EVENTS_URL: z
    .url({ message: 'expected the feed address, like https://polisen.se/api/events' })
    .default('https://polisen.se/api/events'),
  POLICE_EVENTS_INTERVAL_SECONDS: int(10, 86_400).default(300),
  POLICE_EVENTS_CONTACT: z
    .string()
    .regex(/^[\x20-\x7e]{3,200}$/, {
      message: 'expected an e-mail address or web address to contact, in plain ASCII'
    })
    .optional(),
  AUDIT_HMAC_KEY: auditKey.optional(),
  // scripts/start.js sets the same default for the Node adapter.
  BODY_SIZE_LIMIT: byteSize.default(10 * 1024 * 1024),
  PUBLIC_CACHE_LOOK_MS: int(0, 60_000).default(250),
  PHOTO_DIR: z.string().min(1, { message: 'expected a directory path' }).default('./data/photos'),
  PHOTO_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      message: 'expected a bucket name: 3–63 lower-case letters, digits, dots and hyphens'
    })
    .optional(),
  PHOTO_S3_ENDPOINT: z
    .url({
      protocol: /^https?$/,
      message:
        'expected the store’s address, like https://s3.example.se or http://minio.internal:9000, or leave it unset for Amazon S3'
    })
    .optional(),
  PHOTO_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, { message: 'expected a region name like eu-north-1' })
    .default('eu-north-1'),
  PHOTO_S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/, {
      message:
        'expected a key prefix of letters, digits, dots, hyphens and slashes, like loften/photos/'
    })
    .max(200, { message: 'expected at most 200 characters' })
    .refine((v) => !/(^|\/)\.{1,2}(\/|$)/.test(v), {
      message: 'expected a key prefix without . or .. parts, like loften/photos/'
    })
    .optional(),
  PHOTO_S3_PATH_STYLE: bool.optional(),
  PHOTO_S3_ACCESS_KEY_ID: z
    .string()
    .regex(/^\S{1,256}$/, { message: 'expected the access key id, without spaces' })
    .optional(),
  PHOTO_S3_SECRET_ACCESS_KEY: z
    .string()
    .regex(/^\S{1,512}$/, { message: 'expected the secret access key, without spaces' })
    .optional(),
  INSTANCE_PUBLISHER: z
    .string()
    .trim()
    .min(2, { message: 'expected the name of the organisation that runs the site' })
    .max(200, { message: 'expected at most 200 characters' })
    .default('Polisen och kommunerna som publicerar medborgarlöften här'),
  PUBLIC_CONTACT_EMAIL: z
    .string()
    .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, {
      message: 'expected an e-mail address the public may write to, like registrator@kommun.se'
    })
    .optional()
});

/** Thrown when the environment is wrong; the message is one line naming the variable. */
export class ConfigError extends Error {}

/** Reads and validates the environment: the only place in the app that reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== '')
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Configuration error: ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demo = e.LOFTEN_DEMO ?? !production;
  if (demo && production && e.LOFTEN_DEMO) {
    throw new ConfigError(
      'Configuration error: LOFTEN_DEMO: demo mode has documented passwords and cannot run with NODE_ENV=production'
    );
  }
  if (e.POLICE_EVENTS_POLL && !e.POLICE_EVENTS_CONTACT) {
    throw new ConfigError(
      'Configuration error: POLICE_EVENTS_CONTACT: must be set when POLICE_EVENTS_POLL is on, like it@kommun.se (sent in the User-Agent)'
    );
  }
  if (production && !e.AUDIT_HMAC_KEY) {
    throw new ConfigError(
      'Configuration error: AUDIT_HMAC_KEY: must be set in production (at least 32 random bytes as hex or base64, e.g. openssl rand -base64 32); keep it outside the database'
    );
  }
  if (e.SMTP_URL && !e.MAIL_FROM) {
    throw new ConfigError(
      'Configuration error: MAIL_FROM: must be set when SMTP_URL is set, like Löften <noreply@kommun.se>'
    );
  }
  const photos = photoStoreConfig(e, 'PHOTO_DIR' in present);
  return {
    database: e.DATABASE_URL
      ? { kind: 'postgresql', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'sqlite', path: e.SQLITE_PATH },
    port: e.PORT,
    origin: e.ORIGIN,
    demo,
    production,
    sessionHours: e.SESSION_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    logLevel: e.LOG_LEVEL,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    digest: { weekday: e.DIGEST_WEEKDAY, hour: e.DIGEST_HOUR },
    policeEvents: {
      enabled: e.POLICE_EVENTS_POLL ?? false,
      url: e.POLICE_EVENTS_URL,
      intervalSeconds: e.POLICE_EVENTS_INTERVAL_SECONDS,
      contact: e.POLICE_EVENTS_CONTACT ?? null
    },
    audit: e.AUDIT_HMAC_KEY
      ? { key: e.AUDIT_HMAC_KEY, development: false }
      : { key: DEVELOPMENT_AUDIT_KEY, development: true },
    bodySizeLimit: e.BODY_SIZE_LIMIT,
    instance: { publisher: e.INSTANCE_PUBLISHER, contactEmail: e.PUBLIC_CONTACT_EMAIL ?? null },
    photos,
    publicCacheLookMs: e.PUBLIC_CACHE_LOOK_MS
  };
}

/** The photo store the PHOTO_ variables name, refusing settings that would be silently unused. */
function photoStoreConfig(e: z.infer<typeof schema>, dirGiven: boolean): PhotoStoreConfig {
  const fail = (name: string, message: string) => {
    throw new ConfigError(`Configuration error: ${name}: ${message}`);
  };
  if (!e.PHOTO_S3_BUCKET) {
    const stray = (
      [
        'PHOTO_S3_ENDPOINT',
        'PHOTO_S3_PREFIX',
        'PHOTO_S3_PATH_STYLE',
        'PHOTO_S3_ACCESS_KEY_ID',
        'PHOTO_S3_SECRET_ACCESS_KEY'
      ] as const
    ).find((name) => e[name] !== undefined);
    if (stray)
      fail(
        'PHOTO_S3_BUCKET',
        `must be set when ${stray} is set (without it photos are kept under PHOTO_DIR)`
      );
    return { kind: 'file', dir: e.PHOTO_DIR };
  }
  if (dirGiven)
    fail(
      'PHOTO_DIR',
      'unset it when PHOTO_S3_BUCKET is set: photos then go to the bucket (photos already under PHOTO_DIR are not moved)'
    );
  const id = e.PHOTO_S3_ACCESS_KEY_ID;
  const secret = e.PHOTO_S3_SECRET_ACCESS_KEY;
  if (id && !secret)
    fail('PHOTO_S3_SECRET_ACCESS_KEY', 'must be set when PHOTO_S3_ACCESS_KEY_ID is set');
  if (secret && !id)
    fail('PHOTO_S3_ACCESS_KEY_ID', 'must be set when PHOTO_S3_SECRET_ACCESS_KEY is set');
  const prefix = e.PHOTO_S3_PREFIX ?? '';
  return {
    kind: 's3',
    bucket: e.PHOTO_S3_BUCKET,
    endpoint: e.PHOTO_S3_ENDPOINT ?? null,
    region: e.PHOTO_S3_REGION,
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    // S3-compatible servers (MinIO and the like) mostly want the bucket in the path; Amazon S3 in the host.
    pathStyle: e.PHOTO_S3_PATH_STYLE ?? e.PHOTO_S3_ENDPOINT !== undefined,
    credentials: id && secret ? { accessKeyId: id, secretAccessKey: secret } : null
  };
}

/** The PostgreSQL URL that tests also run against, when set (CI always sets it). */
export function testDatabaseUrl(
  env: Record<string, string | undefined> = process.env
): string | undefined {
  const url = env.TEST_DATABASE_URL;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError(
      'Configuration error: TEST_DATABASE_URL: expected a PostgreSQL URL like postgres://postgres@127.0.0.1:5432/test'
    );
  }
  return url || undefined;
}

/** Which databases data tests run on: TEST_DIALECTS (sqlite, postgresql or both, comma-separated), else SQLite plus PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(
  env: Record<string, string | undefined> = process.env
): ('sqlite' | 'postgresql')[] {
  const url = testDatabaseUrl(env);
  const asked = env.TEST_DIALECTS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!asked) return url ? ['sqlite', 'postgresql'] : ['sqlite'];
  const kinds = asked.map((k) => {
    if (k !== 'sqlite' && k !== 'postgresql')
      throw new ConfigError(
        `Configuration error: TEST_DIALECTS: expected sqlite, postgresql or both, got ${k}`
      );
    return k;
  });
  if (kinds.includes('postgresql') && !url)
    throw new ConfigError(
      'Configuration error: TEST_DATABASE_URL: must be set when TEST_DIALECTS includes postgresql'
    );
  return kinds;
}
