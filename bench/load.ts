import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GeneratedCounts } from './activities';
import type { BenchTarget } from './database';

/** What the loader process is asked to do. */
export type LoadJob = {
  target: BenchTarget;
  total: number;
  norsjoId: string;
  agreementIds: string[];
};

/** What it reports back. */
export type LoadResult = {
  insertMs: number;
  /** PostgreSQL only: VACUUM ANALYZE after the load. */
  vacuumMs: number;
  counts: GeneratedCounts;
  /** The loader process's peak resident memory, in bytes. */
  maxRss: number;
};

/**
 * Loads the activities in a child process (load-child.ts), so the process that then times the
 * follow-up has never held a generated activity nor the loader's page cache: its memory figures
 * are the follow-up's own.
 */
export function loadInChildProcess(job: LoadJob): Promise<LoadResult> {
  const child = fileURLToPath(new URL('./load-child.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, child], {
      stdio: ['pipe', 'pipe', 'inherit']
    });
    let out = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`loader exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as LoadResult);
      } catch (e) {
        reject(e);
      }
    });
    p.stdin.end(JSON.stringify(job));
  });
}
