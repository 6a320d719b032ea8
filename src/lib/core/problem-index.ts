/**
 * The problem index of a safety survey, in the style of the police's local safety surveys
 * (docs/SURVEYS.md): each answer step has a value, "Ingen uppfattning" and blanks are left out,
 * and the mean is scaled to 0–10.
 */

/** How answer steps become an index: a value per step (by the option's score) and the top of the scale. */
export type IndexFormula = {
  /** Value of each step, indexed by the option's score 0, 1, 2, 3 (Inget … Mycket stort problem). */
  stepValues: readonly number[];
  /** The index of an item where everyone answered the top step. */
  scaleMax: number;
};

/** Default: Inget problem alls = 0, Litet = 1, Ganska stort = 2, Mycket stort = 3, scaled to 0–10. */
export const DEFAULT_INDEX_FORMULA: IndexFormula = { stepValues: [0, 1, 2, 3], scaleMax: 10 };

/** Counts of one item's answers by score (null = Ingen uppfattning). */
export type StepCounts = { score: number | null; count: number }[];

/** One item's index: null when nobody had an opinion. */
export type ItemIndex = {
  index: number | null;
  /** Answers that count (with an opinion). */
  n: number;
  /** Answers "Ingen uppfattning". */
  noOpinion: number;
};

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * index = scaleMax × (Σ count × stepValue(score)) / (n × max(stepValues)), over answers with an
 * opinion; rounded to one decimal.
 */
export function itemIndex(
  counts: StepCounts,
  formula: IndexFormula = DEFAULT_INDEX_FORMULA
): ItemIndex {
  const top = Math.max(...formula.stepValues);
  let n = 0;
  let sum = 0;
  let noOpinion = 0;
  for (const c of counts) {
    const value = c.score === null ? undefined : formula.stepValues[c.score];
    if (value === undefined) {
      noOpinion += c.count;
      continue;
    }
    n += c.count;
    sum += c.count * value;
  }
  return {
    index: n && top > 0 ? round1((formula.scaleMax * sum) / (n * top)) : null,
    n,
    noOpinion
  };
}

/** The total index: the unweighted mean of the items that have an index (one decimal). */
export function totalIndex(items: readonly ItemIndex[]): number | null {
  const withIndex = items.filter((i) => i.index !== null);
  if (!withIndex.length) return null;
  // Means of the unrounded sums would differ by at most 0.05; the published items are rounded.
  return round1(withIndex.reduce((s, i) => s + (i.index ?? 0), 0) / withIndex.length);
}

/** A plain-Swedish reading of an index value (the bands are documented in docs/SURVEYS.md). */
export function indexLevel(index: number | null): string {
  if (index === null) return 'Inget underlag';
  if (index < 2) return 'Inga eller små problem';
  if (index < 4) return 'Vissa problem';
  if (index < 6) return 'Ganska stora problem';
  return 'Stora problem';
}

/** Checks a formula read from the database; falls back to the default when it is not usable. */
export function formulaOrDefault(value: unknown): IndexFormula {
  const v = value as Partial<IndexFormula> | null;
  const ok =
    !!v &&
    Array.isArray(v.stepValues) &&
    v.stepValues.length >= 2 &&
    v.stepValues.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) &&
    typeof v.scaleMax === 'number' &&
    v.scaleMax > 0;
  return ok ? { stepValues: v.stepValues!, scaleMax: v.scaleMax! } : DEFAULT_INDEX_FORMULA;
}
