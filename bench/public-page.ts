/**
 * The public page under load: starts the built server (LOFTEN_BUILD_DIR, default build/) on a
 * fresh SQLite database with the Norsjö demo data, then keeps 50 keep-alive clients busy for
 * BENCH_SECONDS (default 10) on /kommuner/2417 and on a static file of the same server, and
 * prints requests per second and latency percentiles. Run with BENCH_CASES=public-page.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fmtInt, fmtMs, log, quantile } from './stats';

const CLIENTS = 50;

function get(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function load(port: number, path: string, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        if ((await get(agent, port, path)) !== 200) failures++;
        latencies.push(performance.now() - t);
      }
    })
  );
  agent.destroy();
  return {
    rps: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    failures
  };
}

/** Runs the public-page case and prints its figures. */
export async function benchPublicPage(): Promise<void> {
  const build = process.env.LOFTEN_BUILD_DIR ?? 'build';
  if (!existsSync(`${build}/index.js`)) {
    log(`\n=== public page ===\n  skipped: no ${build}/index.js (run npx vite build first)`);
    return;
  }
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const port = 3900 + Math.floor(Math.random() * 90);
  const db = `/tmp/loften-bench-public-${port}.db`;
  const server = spawn(process.execPath, [`${build}/index.js`], {
    env: {
      ...process.env,
      PORT: String(port),
      ORIGIN: `http://localhost:${port}`,
      SQLITE_PATH: db,
      LOFTEN_DEMO: 'true',
      DATABASE_URL: ''
    },
    stdio: 'ignore'
  });
  try {
    for (let i = 0; i < 120; i++) {
      const up = await get(new Agent(), port, '/api/v1/health').catch(() => 0);
      if (up === 200) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    log(`\n=== public page: ${CLIENTS} keep-alive clients, ${seconds} s each ===`);
    await load(port, '/kommuner/2417', 2); // warm-up: the first render fills the cache
    for (const path of ['/kommuner/2417', '/favicon.svg']) {
      const r = await load(port, path, seconds);
      log(
        `  ${path}: ${fmtInt(r.rps)} requests/s, p50 ${fmtMs(r.p50)}, p99 ${fmtMs(r.p99)}` +
          (r.failures ? `, ${r.failures} failures` : '')
      );
    }
  } finally {
    server.kill();
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  }
}
