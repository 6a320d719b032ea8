import { loadConfig, type Config } from './config';
import type { Ctx } from './context';
import { migrateToLatest, openDatabase, pendingMigrations } from './db/connection';
import { setLogLevel } from './log';
import { ensureReferenceData } from './services/accounts/organisation.service';
import { ensureFirstAdmin, type FirstStartNotice } from './services/accounts/first-start.service';
import { seedNorsjoDemo } from './seed/demo-mode';

/** A started application: the context services use, and what to tell the operator. */
export type App = { ctx: Ctx; notice: FirstStartNotice; close: () => Promise<void> };

/**
 * Opens the database and migrates it. Always: reference data (municipalities, police regions).
 * In demo mode: the Norsjö demo and its demo accounts (seed/demo-mode.ts). Otherwise: the first
 * admin with a one-time sign-in link, and no Norsjö agreement.
 */
export async function startApp(
  config: Config = loadConfig(),
  now: () => Date = () => new Date()
): Promise<App> {
  setLogLevel(config.logLevel);
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
  } catch (e) {
    await handle.close();
    throw e;
  }
  const ctx: Ctx = { db: handle.db, dbKind: handle.kind, config, now };
  await ensureReferenceData(ctx);
  const notice = config.demo
    ? ((await seedNorsjoDemo(ctx, { accounts: true })).notice ?? { kind: 'none' as const })
    : await ensureFirstAdmin(ctx);
  // Always: the daily audit checkpoint runs everywhere; jobs for features that are off skip themselves.
  handle.close = (await import('./jobs/runner')).withJobRunner(ctx, handle.close);
  return { ctx, notice, close: handle.close };
}

/** The database is behind the code: the operator must run `loften db migrate` first. */
export class SchemaNotCurrentError extends Error {
  constructor(readonly pending: string[]) {
    super('Databasen är inte migrerad: kör `loften db migrate`');
  }
}

/**
 * Opens the database for one command (the CLI): no migrations, no seeding, no jobs. Stops with
 * SchemaNotCurrentError when a migration has not run, so a command never writes to an old schema.
 */
export async function openApp(
  config: Config = loadConfig(),
  now: () => Date = () => new Date()
): Promise<App> {
  setLogLevel(config.logLevel);
  const handle = openDatabase(config.database);
  try {
    const pending = await pendingMigrations(handle.db);
    if (pending.length) throw new SchemaNotCurrentError(pending);
  } catch (e) {
    await handle.close();
    throw e;
  }
  const ctx: Ctx = { db: handle.db, dbKind: handle.kind, config, now };
  return { ctx, notice: { kind: 'none' }, close: handle.close };
}

/** `loften db migrate`: brings the schema up to date and adds missing reference data; nothing else. */
export async function migrateApp(
  config: Config = loadConfig(),
  now: () => Date = () => new Date()
): Promise<{ kind: Ctx['dbKind']; ran: string[]; referenceRows: number }> {
  setLogLevel(config.logLevel);
  const handle = openDatabase(config.database);
  try {
    const result = await migrateToLatest(handle.db);
    const ctx: Ctx = { db: handle.db, dbKind: handle.kind, config, now };
    const { created } = await ensureReferenceData(ctx);
    return {
      kind: handle.kind,
      ran: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
      referenceRows: created
    };
  } finally {
    await handle.close();
  }
}

let running: Promise<App> | null = null;

/** The one application of this server process, started on first use. */
export function getApp(): Promise<App> {
  running ??= startApp();
  return running;
}
