import { loadConfig, type Config } from './config';
import type { Ctx } from './context';
import { migrateToLatest, openDatabase } from './db/connection';
import { setLogLevel } from './log';
import { ensureReferenceData } from './services/accounts/organisation.service';
import { ensureNorsjo } from './seed/norsjo.service';
import { ensureNorsjoDemo } from './seed/demo.service';
import { ensureNorsjoDemoSurvey } from './seed/survey-demo.service';
import { ensureNorsjoDialogueDemo } from './seed/norsjo-dialogue';
import { ensureFirstAdmin, type FirstStartNotice } from './services/accounts/first-start.service';
import { ensureDemoAccounts } from './seed/demo-accounts';

/** A started application: the context services use, and what to tell the operator. */
export type App = { ctx: Ctx; notice: FirstStartNotice; close: () => Promise<void> };

/** Opens the database, migrates, and makes sure reference data, Norsjö and a way to sign in exist. */
export async function startApp(
  config: Config = loadConfig(),
  now: () => Date = () => new Date()
): Promise<App> {
  setLogLevel(config.logLevel);
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const ctx: Ctx = { db: handle.db, dbKind: handle.kind, config, now };
  await ensureReferenceData(ctx);
  await ensureNorsjo(ctx);
  if (config.demo) await ensureNorsjoDemo(ctx);
  if (config.demo) await ensureNorsjoDemoSurvey(ctx);
  const notice = config.demo ? await ensureDemoAccounts(ctx) : await ensureFirstAdmin(ctx);
  // After the demo accounts: the demo picture is approved by the demo police and municipal editors.
  if (config.demo) await ensureNorsjoDialogueDemo(ctx);
  // Always: the daily audit checkpoint runs everywhere; jobs for features that are off skip themselves.
  handle.close = (await import('./jobs/runner')).withJobRunner(ctx, handle.close);
  return { ctx, notice, close: handle.close };
}

let running: Promise<App> | null = null;

/** The one application of this server process, started on first use. */
export function getApp(): Promise<App> {
  running ??= startApp();
  return running;
}
