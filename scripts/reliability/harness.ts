/**
 * The reliability commands' harness: a fresh database (a temporary SQLite file or a new schema on
 * a PostgreSQL server), Löften servers started on it as child processes (the production build,
 * `node <build>/index.js`, or `vite dev` for the small versions in CI), and a second connection
 * for setting up and for counting afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/lib/server/config';
import type { Ctx } from '../../src/lib/server/context';
import {
  createPgSchema,
  dropPgSchema,
  openDatabase,
  type DatabaseHandle
} from '../../src/lib/server/db/connection';

export type Dialect = 'sqlite' | 'postgresql';

/** A fresh database: the environment a server needs to use it, and how to throw it away. */
export type FreshDatabase = {
  kind: Dialect;
  /** SQLITE_PATH or DATABASE_URL (with the schema as search_path). */
  env: Record<string, string>;
  /** Where it is, for the report (a file or a schema). */
  where: string;
  /** A second connection, opened by open(). */
  open: () => Ctx & { close: () => Promise<void> };
  drop: () => Promise<void>;
};

export const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

/** The PostgreSQL server to use: DATABASE_URL, else TEST_DATABASE_URL. */
export function postgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL || env.TEST_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new Error(
      'PostgreSQL: set DATABASE_URL or TEST_DATABASE_URL, like postgres://postgres@127.0.0.1:5432/test'
    );
  return url;
}

/** Creates an empty database; the first server started on it migrates and seeds it. */
export async function freshDatabase(kind: Dialect): Promise<FreshDatabase> {
  const id = randomBytes(6).toString('hex');
  // The audit key is the process's own (AUDIT_HMAC_KEY, see useRunAuditKey): the servers, the
  // set-up through the services and `loften audit verify` must all sign with the same one.
  const env: Record<string, string> = {};
  let handle: DatabaseHandle | null = null;
  const closeHandle = async () => {
    await handle?.close();
    handle = null;
  };
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'loften-reliability-'));
    const path = join(dir, 'loften.db');
    env.SQLITE_PATH = path;
    env.DATABASE_URL = '';
    return {
      kind,
      env,
      where: path,
      open: () => {
        handle = openDatabase({ kind: 'sqlite', path });
        return ctxOf(handle, env, closeHandle);
      },
      drop: async () => {
        await closeHandle();
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  const base = postgresUrl();
  const schema = `rel_${id}`;
  await createPgSchema(base, schema);
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  env.DATABASE_URL = u.toString();
  return {
    kind,
    env,
    where: `schema ${schema} on ${u.host}`,
    open: () => {
      handle = openDatabase({ kind: 'postgresql', url: base }, { pgSchema: schema });
      return ctxOf(handle, env, closeHandle);
    },
    drop: async () => {
      await closeHandle();
      await dropPgSchema(base, schema);
    }
  };
}

function ctxOf(handle: DatabaseHandle, env: Record<string, string>, close: () => Promise<void>) {
  // The process's AUDIT_HMAC_KEY (or the development key), as the servers and the services use.
  const key = process.env.AUDIT_HMAC_KEY;
  const config = loadConfig({
    ...env,
    LOFTEN_DEMO: 'true',
    ...(key ? { AUDIT_HMAC_KEY: key } : {})
  });
  return { db: handle.db, dbKind: handle.kind, config, now: () => new Date(), close };
}

/**
 * For the commands: a random AUDIT_HMAC_KEY for this run unless one is set, so the trail is keyed
 * as in production (not with the public development key). Call before anything writes.
 */
export function useRunAuditKey(): void {
  process.env.AUDIT_HMAC_KEY ||= randomBytes(32).toString('hex');
}

/** A running server. */
export type Server = {
  url: string;
  pid: number;
  /** The last 20,000 characters it wrote. */
  output: () => string;
  /** kill -9: no chance to finish anything. */
  crash: () => Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop: () => Promise<void>;
};

/** What to run: the production build in a directory, or `vite dev` on the current sources. */
export type ServerKind = { build: string } | 'dev';

/** The build directory: --server <dir>, else LOFTEN_BUILD_DIR, else ./build. */
export function buildDir(argv: string[]): string {
  const i = argv.indexOf('--server');
  const dir = i >= 0 ? argv[i + 1] : process.env.LOFTEN_BUILD_DIR || 'build';
  if (!dir || !existsSync(join(dir, 'index.js')))
    throw new Error(`No server build in ${dir}/index.js (npm run build, or pass --server <dir>)`);
  return resolve(dir);
}

/** Starts a server on the database and waits until /api/v1/health answers (demo mode: seeded). */
export async function startServer(
  db: FreshDatabase,
  what: ServerKind,
  options: { env?: Record<string, string>; timeoutMs?: number } = {}
): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    ORIGIN: url,
    LOFTEN_DEMO: 'true',
    LOG_LEVEL: 'warn',
    BODY_SIZE_LIMIT: '10M',
    ...db.env,
    ...options.env
  };
  delete env.NODE_ENV;
  if (!env.DATABASE_URL) delete env.DATABASE_URL;
  const args =
    what === 'dev'
      ? ['node_modules/vite/bin/vite.js', 'dev', '--port', String(port), '--strictPort']
      : [join(what.build, 'index.js')];
  if (what === 'dev') args.push('--host', '127.0.0.1');
  const child: ChildProcess = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const kill = async (signal: NodeJS.Signals) => {
    if (gone()) return;
    child.kill(signal);
    await exited;
  };
  const stop = async () => {
    if (gone()) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (gone()) throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${out}`);
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer within ${options.timeoutMs ?? 120_000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, output: () => out, crash: () => kill('SIGKILL'), stop };
}

/** The machine's load average now, for every figure reported. */
export async function loadAverage(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return (await readFile('/proc/loadavg', 'utf8').catch(() => '? ? ?'))
    .split(' ')
    .slice(0, 3)
    .join(' ');
}
