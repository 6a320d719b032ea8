/** The benchmark's knobs, read from the environment (only the bench reads process.env directly). */
export type BenchOptions = {
  /** Activities in the whole database, over all agreements. */
  activities: number;
  /** Agreements besides Norsjö's. */
  agreements: number;
  /** Timed runs per period kind, after one warm-up. */
  runs: number;
  /** The PostgreSQL server to use, or undefined to skip PostgreSQL. */
  pgUrl: string | undefined;
  /** Which engines to run. */
  engines: ('sqlite' | 'postgresql')[];
  /** Also time a candidate index experiment (BENCH_EXPERIMENT=1; the covering index itself is now in the migrations). */
  experiment: boolean;
  /** Which cases to run (BENCH_CASES, comma-separated; the default is all of them). */
  cases: Record<BenchCase, boolean>;
  /** The national case's sizes (activities); `--activities N` alone gives one size. */
  nationalSizes: number[];
  /** The follow-up case's database sizes (BENCH_SIZES=1000000,5000000; default BENCH_ACTIVITIES). */
  sizes: number[];
  /** Where the JSON and the table go (`--out`, default bench/results/latest). */
  out: string;
};

/** The cases `npm run bench` knows. */
export const BENCH_CASES = [
  'follow-up',
  'dashboard',
  'public-page',
  'import',
  'national',
  'writes'
] as const;
export type BenchCase = (typeof BENCH_CASES)[number];

/** `--name value` from the command line (`npm run bench -- --activities 20000`), else undefined. */
function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function benchCases(): Record<BenchCase, boolean> {
  const asked = (arg('cases') ?? process.env.BENCH_CASES ?? BENCH_CASES.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const c of asked)
    if (!(BENCH_CASES as readonly string[]).includes(c))
      throw new Error(`BENCH_CASES: expected some of ${BENCH_CASES.join(', ')}; got ${c}`);
  return Object.fromEntries(BENCH_CASES.map((c) => [c, asked.includes(c)])) as Record<
    BenchCase,
    boolean
  >;
}

function whole(name: string, fallback: number, min: number, flag?: string): number {
  const raw = ((flag && arg(flag)) || process.env[name])?.replace(/[_,]/g, '');
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name}: expected a whole number >= ${min}`);
  return n;
}

export function benchOptions(): BenchOptions {
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
  if (pgUrl && !/^postgres(ql)?:\/\//.test(pgUrl))
    throw new Error('BENCH_DATABASE_URL / TEST_DATABASE_URL: expected postgres://…');
  const asked = (arg('engines') ?? process.env.BENCH_ENGINES)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const engines = (asked ?? ['sqlite', 'postgresql']).map((e) => {
    if (e !== 'sqlite' && e !== 'postgresql')
      throw new Error(`BENCH_ENGINES: expected sqlite and/or postgresql, got ${e}`);
    return e;
  });
  return {
    activities: whole('BENCH_ACTIVITIES', 1_000_000, 0, 'activities'),
    agreements: whole('BENCH_AGREEMENTS', 250, 0),
    runs: whole('BENCH_RUNS', 20, 1, 'runs'),
    pgUrl,
    engines,
    experiment: process.env.BENCH_EXPERIMENT === '1',
    cases: benchCases(),
    nationalSizes: nationalSizes(),
    sizes: followUpSizes(whole('BENCH_ACTIVITIES', 1_000_000, 0, 'activities')),
    out: arg('out') ?? 'bench/results/latest'
  };
}

/** `--sizes 1000000,5000000`, or `--activities N` (one size), or BENCH_ACTIVITIES, else 1 M and 5 M. */
function nationalSizes(): number[] {
  const list = arg('sizes');
  const one = arg('activities') ?? process.env.BENCH_ACTIVITIES;
  const raw = list ?? one ?? '1000000,5000000';
  return raw.split(',').map((s) => {
    const n = Number(s.replace(/[_\s]/g, ''));
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--sizes/--activities: expected whole numbers, got ${s}`);
    return n;
  });
}

/** `--sizes` or BENCH_SIZES (comma-separated activities), else the one size of BENCH_ACTIVITIES. */
function followUpSizes(fallback: number): number[] {
  const raw = arg('sizes') ?? process.env.BENCH_SIZES;
  if (!raw) return [fallback];
  return raw.split(',').map((s) => {
    const n = Number(s.replace(/[_\s]/g, ''));
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--sizes/BENCH_SIZES: expected whole numbers separated by commas, got ${s}`);
    return n;
  });
}
