import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, testDatabaseUrl } from '../../src/lib/server/config';
import type { Ctx } from '../../src/lib/server/context';
import {
  createPgSchema,
  dropPgSchema,
  openDatabase,
  type DatabaseHandle
} from '../../src/lib/server/db/connection';
import type { Role } from '../../src/lib/server/db/schema';
import { makeUser, TEST_PASSWORD } from './factories';
import { buildIsCurrent } from '../../scripts/build-state.js';

/**
 * Route tests over real HTTP: the app runs in a child process on a fresh database of the given
 * kind, in demo mode, so authorization and leaks are proven through the routes a client would
 * call, not through services. The process is the built server (`node build`, as in production;
 * starts in a third of the time) when build/ holds the current sources, else `vite dev` (the
 * current sources, no build needed). TEST_SERVER=dev or TEST_SERVER=build chooses; CI builds
 * before the tests, so every route test there runs the production server.
 *
 *   const server = await startTestServer('sqlite');          // in beforeAll (give it 120 s)
 *   const anon = server.client();                             // no session
 *   const editor = await server.signIn('kommun@demo.loften.se'); // a demo account
 *   const other = await server.signInAs('editor', await server.orgId('2482')); // Skellefteå
 *   const res = await editor.postForm('/avtal/<id>/plan?/start', { year: '2027' });
 *   await server.close();                                      // in afterAll
 *
 * `server.ctx` is a second connection to the same database, for setting up and for checking
 * that nothing changed (SQLite in WAL mode and PostgreSQL both allow it).
 */
export type TestServer = {
  kind: 'sqlite' | 'postgresql';
  url: string;
  ctx: Ctx;
  client: () => HttpClient;
  /** Signs in with a password (demo accounts share DEMO_PASSWORD) and returns a client with the session cookie. */
  signIn: (email: string, password?: string) => Promise<HttpClient>;
  /** Creates a user with a role in an organisation, signs in, and returns the client and the user. */
  signInAs: (
    role: Role,
    organisationId: string
  ) => Promise<HttpClient & { user: { id: string; email: string } }>;
  /** The id of an organisation by municipality code ('2417') or exact name. */
  orgId: (codeOrName: string) => Promise<string>;
  close: () => Promise<void>;
};

/** A tiny HTTP client with a cookie jar; it never follows redirects, so a test sees each answer. */
export type HttpClient = {
  cookies: Map<string, string>;
  fetch: (path: string, init?: RequestInit) => Promise<Response>;
  get: (path: string, headers?: Record<string, string>) => Promise<Response>;
  /** Posts a form as a browser without JavaScript would (same Origin, urlencoded). */
  postForm: (path: string, fields: Record<string, string | string[]>) => Promise<Response>;
  /** Sends JSON (for /api/v1), with an optional Bearer token. */
  json: (method: string, path: string, body?: unknown, token?: string) => Promise<Response>;
};

export const DEMO_PASSWORD = 'norsjo-demo-2019';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function makeClient(base: string): HttpClient {
  const cookies = new Map<string, string>();
  const fetchWith = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size && !headers.has('cookie'))
      headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(path, base), { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /max-age=0\b/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim())
      );
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };
  return {
    cookies,
    fetch: fetchWith,
    get: (path, headers = {}) => fetchWith(path, { headers }),
    postForm: (path, fields) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries(fields))
        for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      return fetchWith(path, {
        method: 'POST',
        body,
        headers: {
          origin: base,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html'
        }
      });
    },
    json: (method, path, body, token) =>
      fetchWith(path, {
        method,
        headers: {
          origin: base,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {})
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
  };
}

/** Starts the app on a fresh database of the given kind; call close() when done. */
let built: boolean | undefined;
/** Whether test servers run the build (TEST_SERVER, else whether the build is current). */
export function useBuild(): boolean {
  const asked = process.env.TEST_SERVER;
  if (asked && asked !== 'dev' && asked !== 'build')
    throw new Error('TEST_SERVER: expected dev or build');
  if (asked === 'build' && !buildIsCurrent())
    throw new Error(
      'TEST_SERVER=build: build/ is missing or older than the sources; run npm run build'
    );
  return (built ??= asked === 'build' || (asked !== 'dev' && buildIsCurrent()));
}

/** The server the reliability harness should start in tests: the build when current, else vite dev. */
export const testServerKind = (): { build: string } | 'dev' =>
  useBuild() ? { build: 'build' } : 'dev';

export async function startTestServer(
  kind: 'sqlite' | 'postgresql',
  options: { env?: Record<string, string>; demo?: boolean } = {}
): Promise<TestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const id = crypto.randomUUID().replace(/-/g, '').slice(0, 12);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    ORIGIN: url,
    LOFTEN_DEMO: options.demo === false ? 'false' : 'true',
    LOG_LEVEL: 'warn',
    // Tests write through a second connection (another process, as far as the server knows) and
    // read the public page at once: the server looks at the change trail at every request.
    PUBLIC_CACHE_LOOK_MS: '0',
    ...options.env
  };
  delete env.DATABASE_URL;
  let handle: DatabaseHandle;
  let dropDb: () => Promise<void>;
  if (kind === 'sqlite') {
    const path = join(tmpdir(), `loften-http-${id}.db`);
    env.SQLITE_PATH = path;
    dropDb = async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    };
    handle = openDatabase({ kind: 'sqlite', path });
  } else {
    const base = testDatabaseUrl();
    if (!base) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `h_${id}`;
    await createPgSchema(base, schema);
    const u = new URL(base);
    u.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = u.toString();
    dropDb = () => dropPgSchema(base, schema);
    handle = openDatabase({ kind: 'postgresql', url: base }, { pgSchema: schema });
  }

  const built = useBuild();
  if (built) Object.assign(env, { HOST: '127.0.0.1' });
  const child: ChildProcess = spawn(
    process.execPath,
    built
      ? ['build/index.js']
      : [
          'node_modules/vite/bin/vite.js',
          'dev',
          '--port',
          String(port),
          '--strictPort',
          '--host',
          '127.0.0.1'
        ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: false }
  );
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-20_000)));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  };

  // The first request starts the app: migrations, reference data, Norsjö and its demo.
  const deadline = Date.now() + 110_000;
  for (;;) {
    if (child.exitCode !== null) {
      await dropDb();
      throw new Error(`test server exited (${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      await dropDb();
      throw new Error(`test server did not answer in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const config = loadConfig({ ...env, LOFTEN_DEMO: env.LOFTEN_DEMO! });
  const ctx: Ctx = { db: handle.db, dbKind: handle.kind, config, now: () => new Date() };
  const signIn = async (email: string, password = DEMO_PASSWORD) => {
    const c = makeClient(url);
    const res = await c.postForm('/logga-in', { email, password });
    if (res.status !== 303 || !c.cookies.has('loften_session'))
      throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    return c;
  };
  return {
    kind,
    url,
    ctx,
    client: () => makeClient(url),
    signIn,
    signInAs: async (role, organisationId) => {
      const user = await makeUser(ctx, role, organisationId);
      const c = await signIn(user.email, TEST_PASSWORD);
      return Object.assign(c, { user: { id: user.id, email: user.email } });
    },
    orgId: async (codeOrName) => {
      const row = await ctx.db
        .selectFrom('organisations')
        .select('id')
        .where((eb) => eb.or([eb('code', '=', codeOrName), eb('name', '=', codeOrName)]))
        .executeTakeFirst();
      if (!row) throw new Error(`no organisation ${codeOrName}`);
      return row.id;
    },
    close: async () => {
      await stop();
      await handle.close();
      await dropDb();
    }
  };
}
