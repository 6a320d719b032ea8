import {
  INTERVAL_UNITS,
  SCHOOL_PERIODS,
  TARGET_KINDS,
  TARGET_PERS,
  TIME_SUMS,
  UNPARSED_REASONS,
  type Target
} from './target';

/** One thing wrong with a hand-edited target: where, and what to do about it. */
export type TargetProblem = { path: string; message: string };

const ALLOWED_KEYS: Record<Target['kind'], readonly string[]> = {
  count: ['kind', 'text', 'count', 'per', 'unit', 'perUnit', 'weekdays', 'upTo', 'window', 'sum'],
  interval: ['kind', 'text', 'every', 'unit', 'window'],
  'every-shift': ['kind', 'text', 'window'],
  continuous: ['kind', 'text', 'quietAfterDays', 'window'],
  'on-demand': ['kind', 'text'],
  occasions: ['kind', 'text', 'occasions'],
  unparsed: ['kind', 'text', 'reason']
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isPositiveInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1;
}

function oneOf<T extends string>(list: readonly T[], x: unknown): x is T {
  return typeof x === 'string' && (list as readonly string[]).includes(x);
}

function isNonEmptyStringList(x: unknown): x is string[] {
  return (
    Array.isArray(x) && x.length > 0 && x.every((v) => typeof v === 'string' && v.trim() !== '')
  );
}

function isMonth(x: unknown): boolean {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 12;
}

function windowProblems(w: unknown, out: TargetProblem[]): void {
  if (w === undefined) return;
  const ok =
    isRecord(w) &&
    typeof w.text === 'string' &&
    ((w.kind === 'school' && oneOf(SCHOOL_PERIODS, w.period)) ||
      (w.kind === 'months' && isMonth(w.from) && isMonth(w.to)));
  if (!ok)
    out.push({
      path: 'window',
      message: `must be { kind: 'school', period: ${SCHOOL_PERIODS.join('|')}, text } or { kind: 'months', from: 1-12, to: 1-12, text }, or left out`
    });
}

function countProblems(x: Record<string, unknown>, out: TargetProblem[]): void {
  if (!isPositiveInteger(x.count))
    out.push({ path: 'count', message: 'must be a whole number, 1 or more' });
  if (!oneOf(TARGET_PERS, x.per))
    out.push({ path: 'per', message: `must be one of ${TARGET_PERS.join(', ')}` });
  if (x.unit !== undefined && (typeof x.unit !== 'string' || x.unit.trim() === '')) {
    out.push({ path: 'unit', message: 'must be a non-empty text, or left out' });
  }
  if (x.perUnit !== undefined) {
    const pu = x.perUnit;
    if (!isRecord(pu) || typeof pu.label !== 'string' || !isNonEmptyStringList(pu.values)) {
      out.push({
        path: 'perUnit',
        message: 'must be { label: text, values: [at least one text] }, or left out'
      });
    } else if (new Set(pu.values).size !== pu.values.length) {
      out.push({ path: 'perUnit.values', message: 'must not repeat a value' });
    }
  }
  if (
    x.upTo !== undefined &&
    (!isPositiveInteger(x.upTo) || (typeof x.count === 'number' && x.upTo <= x.count))
  )
    out.push({ path: 'upTo', message: 'must be a whole number larger than count, or left out' });
  if (x.sum !== undefined && !oneOf(TIME_SUMS, x.sum))
    out.push({ path: 'sum', message: `must be one of ${TIME_SUMS.join(', ')}, or left out` });
  if (x.weekdays !== undefined) {
    const wd = x.weekdays;
    const ok =
      Array.isArray(wd) &&
      wd.length > 0 &&
      wd.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) &&
      new Set(wd).size === wd.length;
    if (!ok)
      out.push({
        path: 'weekdays',
        message: 'must list distinct weekdays 1 (Monday) to 7 (Sunday), or be left out'
      });
  }
}

function kindProblems(
  kind: Target['kind'],
  x: Record<string, unknown>,
  out: TargetProblem[]
): void {
  switch (kind) {
    case 'count':
      return countProblems(x, out);
    case 'interval':
      if (!isPositiveInteger(x.every))
        out.push({ path: 'every', message: 'must be a whole number, 1 or more' });
      if (!oneOf(INTERVAL_UNITS, x.unit))
        out.push({ path: 'unit', message: `must be one of ${INTERVAL_UNITS.join(', ')}` });
      return;
    case 'continuous':
      if (!isPositiveInteger(x.quietAfterDays))
        out.push({ path: 'quietAfterDays', message: 'must be a whole number of days, 1 or more' });
      return;
    case 'occasions':
      if (x.occasions !== 'risk-weekends' && !isNonEmptyStringList(x.occasions)) {
        out.push({
          path: 'occasions',
          message: "must be 'risk-weekends' or a list of occasion keys such as ['valborg']"
        });
      }
      return;
    default:
      return;
  }
}

/** Lists what is wrong with a value meant to be a Target (empty when it is a valid Target). */
export function targetProblems(x: unknown): TargetProblem[] {
  if (!isRecord(x)) return [{ path: '', message: 'must be an object with kind and text' }];
  if (!oneOf(TARGET_KINDS, x.kind))
    return [{ path: 'kind', message: `must be one of ${TARGET_KINDS.join(', ')}` }];
  const out: TargetProblem[] = [];
  if (typeof x.text !== 'string')
    out.push({ path: 'text', message: 'must be the original words, as text' });
  const allowed = ALLOWED_KEYS[x.kind];
  for (const key of Object.keys(x)) {
    if (!allowed.includes(key))
      out.push({ path: key, message: `is not a field of a ${x.kind} target; remove it` });
  }
  kindProblems(x.kind, x, out);
  if (allowed.includes('window')) windowProblems(x.window, out);
  if (x.kind === 'unparsed' && x.reason !== undefined && !oneOf(UNPARSED_REASONS, x.reason))
    out.push({
      path: 'reason',
      message: `must be one of ${UNPARSED_REASONS.join(', ')}, or left out`
    });
  return out;
}

/** Runtime check that an unknown value (e.g. hand-edited JSON) is a valid Target. */
export function isTarget(x: unknown): x is Target {
  return targetProblems(x).length === 0;
}
