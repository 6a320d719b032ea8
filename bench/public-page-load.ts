/**
 * Load helpers for the public-page case: autocannon against one address, plain Node serving the
 * same bytes in its own process, a burst of concurrent first requests, and a server's RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { quantile } from './stats';

export const CLIENTS = 50;

/** Requests per second and latency of one address under CLIENTS keep-alive clients. */
export type Load = {
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, and connection errors. */
  failures: number;
  /** Bytes per response on the wire (compressed when the client asked for it). */
  bytes: number;
};

/**
 * Keeps CLIENTS connections busy on `path` for `seconds`. `vary` gives each request its own query
 * string (`?x=<n>`), so a cache that keyed on unread parameters would miss every time.
 */
export async function load(
  port: number,
  path: string,
  seconds: number,
  opts: { headers?: Record<string, string>; vary?: boolean } = {}
): Promise<Load> {
  let n = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CLIENTS,
    duration: seconds,
    headers: opts.headers,
    requests: [
      {
        method: 'GET',
        path,
        setupRequest: (req) =>
          opts.vary ? { ...req, path: `${path}${path.includes('?') ? '&' : '?'}x=${n++}` } : req
      }
    ]
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: r.non2xx + r.errors + r.timeouts,
    bytes: r.requests.total ? r.throughput.total / r.requests.total : 0
  };
}

/** One GET: status, headers, body. */
export function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  agent: Agent | false = false
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
      );
    })
      .on('error', reject)
      .end();
  });
}

/** Waits until the server answers `path` with 200 (up to a minute). */
export async function waitFor(port: number, path: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if ((await get(port, path).catch(() => null))?.status === 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer on port ${port}`);
}

/**
 * `count` concurrent first requests (each on its own connection), right after a change: how
 * many were rendered (`x-cache: miss`) and how many waited for that render (`shared`), and the
 * latencies.
 */
export async function burst(port: number, path: string, count = CLIENTS) {
  const times: number[] = [];
  const caches: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: count }, async () => {
      const t = performance.now();
      const r = await get(port, path);
      times.push(performance.now() - t);
      const c = String(r.headers['x-cache'] ?? 'none');
      caches[c] = (caches[c] ?? 0) + 1;
    })
  );
  return {
    renders: caches.miss ?? null,
    caches,
    p50: quantile(times, 0.5),
    max: Math.max(...times)
  };
}

/** Resident set size of a process, in bytes (Linux). */
export function rssOf(pid: number | undefined): number {
  if (!pid) return NaN;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Plain Node serving `bytes` from memory, in its own process like the app. */
export async function plainNode(bytes: Buffer, seconds: number): Promise<Load> {
  const port = 3990 + Math.floor(Math.random() * 9);
  const file = `/tmp/loften-bench-plain-${port}.html`;
  writeFileSync(file, bytes);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-e',
      `const b=require('fs').readFileSync(${JSON.stringify(file)});require('http').createServer((q,r)=>{r.writeHead(200,{'content-type':'text/html; charset=utf-8','content-length':b.length});r.end(b)}).listen(${port})`
    ],
    { stdio: 'ignore' }
  );
  try {
    await waitFor(port, '/');
    return await load(port, '/', seconds);
  } finally {
    child.kill();
    rmSync(file, { force: true });
  }
}
