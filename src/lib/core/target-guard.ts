import { INTERVAL_UNITS, TARGET_KINDS, TARGET_PERS, type Target } from './target';

/** One thing wrong with a hand-edited target: where, and what to do about it. */
export type TargetProblem = { path: string; message: string };

const ALLOWED_KEYS: Record<Target['kind'], readonly string[]> = {
  count: ['kind', 'text', 'count', 'per', 'unit', 'perUnit', 'weekdays'],
  interval: ['kind', 'text', 'every', 'unit'],
  'every-shift': ['kind', 'text'],
  continuous: ['kind', 'text', 'quietAfterDays'],
  'on-demand': ['kind', 'text'],
  occasions: ['kind', 'text', 'occasions'],
  unparsed: ['kind', 'text']
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
  return out;
}

/** Runtime check that an unknown value (e.g. hand-edited JSON) is a valid Target. */
export function isTarget(x: unknown): x is Target {
  return targetProblems(x).length === 0;
}
