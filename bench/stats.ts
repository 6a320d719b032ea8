/** Small helpers for timing and printing figures. */

export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtMs = (ms: number): string => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
export const fmtS = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const fmtMb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The q-quantile (0..1) of some numbers, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

/** Runs fn once to warm up, then `runs` times; returns the durations in ms and the last result. */
export async function timeRuns<T>(
  runs: number,
  fn: () => Promise<T>
): Promise<{ times: number[]; median: number; p95: number; result: T; maxRss: number }> {
  let result = await fn();
  const times: number[] = [];
  let maxRss = process.memoryUsage.rss();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
    maxRss = Math.max(maxRss, process.memoryUsage.rss());
  }
  return { times, median: quantile(times, 0.5), p95: quantile(times, 0.95), result, maxRss };
}

/** Times one async step. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** rss and heapUsed now, as one printable string. */
export function memory(): { rss: number; heapUsed: number; text: string } {
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    text: `rss ${fmtMb(m.rss)}, heapUsed ${fmtMb(m.heapUsed)}`
  };
}

export const log = (line = ''): void => console.log(line);
