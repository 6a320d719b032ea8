/**
 * Backup → restore → export: a Norsjö demo database, backed up the documented way (`loften
 * backup` for SQLite; pg_dump --format=custom for PostgreSQL, as `loften backup` tells an
 * operator), restored into a fresh database (`loften restore`; pg_restore), and the exports of a
 * server on each compared byte for byte, with `loften audit verify` on both.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startApp } from '../../../src/lib/server/app';
import { loadConfig } from '../../../src/lib/server/config';
import type { Ctx } from '../../../src/lib/server/context';
import { openDatabase } from '../../../src/lib/server/db/connection';
import { verifyAudit } from '../../../src/lib/server/services/shared/audit-verify.service';
import { backup, restore } from '../../../src/lib/server/services/shared/backup.service';
import {
  freshDatabase,
  postgresUrl,
  startServer,
  type Dialect,
  type FreshDatabase,
  type ServerKind
} from '../harness';
import { auditVerify, fetchExports, runCli, tsxCli } from './exports';

export type RestoreReport = {
  database: Dialect;
  ok: boolean;
  /** Each export: its size and whether it is the same after the restore. */
  compared: { path: string; bytes: number; same: boolean }[];
  auditSame: boolean;
  audit: string;
  differences: string[];
  seconds: number;
};

const stamp = (ms: number) => (ms / 1000).toFixed(1);

/** A database restored from a backup, usable by startServer like a fresh one. */
async function restoredCopy(
  original: FreshDatabase,
  dir: string,
  cli: boolean
): Promise<FreshDatabase> {
  const file = join(dir, original.kind === 'sqlite' ? 'loften-backup.db' : 'loften.dump');
  if (original.kind === 'sqlite') {
    const path = join(dir, 'restored.db');
    const env = { ...original.env, SQLITE_PATH: path };
    if (cli) {
      const made = await runCli(tsxCli(), ['backup', file], original.env);
      if (!made.startsWith('exit 0')) throw new Error(`loften backup failed: ${made}`);
      const back = await runCli(tsxCli(), ['restore', file], env);
      if (!back.startsWith('exit 0')) throw new Error(`loften restore failed: ${back}`);
    } else {
      // What the two commands call, without a CLI process each.
      await backup({ config: configOf(original.env) } as Ctx, file);
      await restore({ config: configOf(env) } as Ctx, file);
    }
    return {
      kind: 'sqlite',
      env,
      where: path,
      open: () => {
        throw new Error('not needed');
      },
      drop: async () => {}
    };
  }
  // pg_dump of the original's schema, pg_restore into a new database on the same server.
  const base = new URL(postgresUrl());
  const source = new URL(original.env.DATABASE_URL!);
  source.searchParams.delete('options');
  const options = new URL(original.env.DATABASE_URL!).searchParams.get('options') ?? '';
  const schema = /search_path=(\w+)/.exec(options)?.[1];
  if (!schema) throw new Error(`no schema in ${original.env.DATABASE_URL}`);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.error}`);
  };
  run('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${file}`, source.toString()]);
  const name = `loften_restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(base);
  target.pathname = `/${name}`;
  run('pg_restore', ['--no-owner', `--dbname=${target.toString()}`, file]);
  const withPath = new URL(target);
  withPath.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind: 'postgresql',
    env: { ...original.env, DATABASE_URL: withPath.toString() },
    where: `database ${name}, schema ${schema}`,
    open: () => {
      throw new Error('not needed');
    },
    drop: async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  };
}

const configOf = (env: Record<string, string>) =>
  loadConfig({ ...(process.env as Record<string, string>), LOG_LEVEL: 'warn', ...env });

/** `loften audit verify` in this process: what the command calls, and its verdict as text. */
async function auditInProcess(env: Record<string, string>): Promise<string> {
  const config = configOf(env);
  const handle = openDatabase(config.database);
  try {
    const ctx: Ctx = { db: handle.db, dbKind: handle.kind, config, now: () => new Date() };
    const r = await verifyAudit(ctx, { checkpoints: [] });
    return `exit ${r.ok ? 0 : 1}\n${JSON.stringify(r)}`;
  } finally {
    await handle.close();
  }
}

/** Exports of a server on a database, started after the demo is in (not in demo mode: no reseeding). */
async function exportsOf(db: FreshDatabase, what: ServerKind, asOf: string) {
  const server = await startServer(db, what, { env: { LOFTEN_DEMO: 'false' } });
  try {
    return await fetchExports(server.url, asOf);
  } finally {
    await server.stop();
  }
}

export async function runRestoreCheck(
  o: {
    database: Dialect;
    server: ServerKind;
    /** Run `loften backup`, `restore` and `audit verify` as commands (else their services here). */
    cli: boolean;
  },
  log: (line: string) => void = () => {}
): Promise<RestoreReport> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'loften-restore-'));
  const original = await freshDatabase(o.database);
  let restored: FreshDatabase | null = null;
  try {
    // The Norsjö demo, seeded as a server in demo mode does at its start (startApp).
    const app = await startApp(configOf({ ...original.env, LOFTEN_DEMO: 'true' }));
    await app.close();
    log(`${o.database}: demo seeded in ${original.where} (${stamp(Date.now() - started)} s)`);
    restored = await restoredCopy(original, dir, o.cli);
    log(`${o.database}: backed up and restored into ${restored.where}`);
    const asOf = new Date().toISOString().slice(0, 10);
    // Both servers at once: the same day, and one start-up's wait instead of two.
    const [before, after] = await Promise.all([
      exportsOf(original, o.server, asOf),
      exportsOf(restored, o.server, asOf)
    ]);
    const differences: string[] = [];
    const compared = Object.keys({ ...before, ...after }).map((path) => {
      const a = before[path] ?? '(missing)';
      const b = after[path] ?? '(missing)';
      const same = a === b;
      if (!same) differences.push(`${path}: ${firstDifference(a, b)}`);
      return { path, bytes: Buffer.byteLength(before[path] ?? ''), same };
    });
    const [auditBefore, auditAfter] = await Promise.all([
      o.cli ? auditVerify(original.env) : auditInProcess(original.env),
      o.cli ? auditVerify(restored.env) : auditInProcess(restored.env)
    ]);
    const auditSame = auditBefore === auditAfter && auditBefore.startsWith('exit 0');
    if (!auditSame) differences.push(`audit verify: ${auditBefore.trim()} ≠ ${auditAfter.trim()}`);
    return {
      database: o.database,
      ok: differences.length === 0,
      compared,
      auditSame,
      audit: auditAfter.trim(),
      differences,
      seconds: (Date.now() - started) / 1000
    };
  } finally {
    await restored?.drop();
    await original.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: «${a.slice(Math.max(0, i - 40), i + 60)}» ≠ «${b.slice(Math.max(0, i - 40), i + 60)}»`;
}

export function formatRestoreReport(r: RestoreReport): string {
  const lines = r.compared.map(
    (c) => `${c.same ? 'same' : 'DIFF'} ${String(c.bytes).padStart(8)} B  ${c.path}`
  );
  return [
    `${r.database}: ${r.ok ? 'identical after backup and restore' : 'DIFFERENT'} (${r.compared.length} exports, ${stamp(r.seconds * 1000)} s)`,
    ...lines,
    `audit verify: ${r.audit}`,
    ...r.differences.map((d) => `  ${d}`)
  ].join('\n');
}
