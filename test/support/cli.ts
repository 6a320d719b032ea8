import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';

/** What a CLI test sees: the lines printed to stdout and stderr, and its own folder. */
export type CliCapture = { out: string[]; err: string[]; dir: string };

/**
 * Registers the hooks a test of the `loften` command needs: console output captured line by
 * line (emptied before each test), exit code reset, and a fresh SQLite file in its own folder
 * (the CLI reads its configuration from the environment; not demo mode). The environment is
 * restored and the folder removed afterwards.
 */
export function useCli(prefix: string): CliCapture {
  const cli: CliCapture = { out: [], err: [], dir: '' };
  const saved = { ...process.env };
  beforeAll(async () => {
    cli.dir = await mkdtemp(join(tmpdir(), prefix));
    process.env.SQLITE_PATH = join(cli.dir, 'loften.db');
    process.env.LOFTEN_DEMO = 'false';
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    process.env = saved;
    await rm(cli.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    cli.out.length = 0;
    cli.err.length = 0;
    vi.spyOn(console, 'log').mockImplementation((s: unknown) => void cli.out.push(String(s)));
    vi.spyOn(console, 'error').mockImplementation((s: unknown) => void cli.err.push(String(s)));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  return cli;
}
