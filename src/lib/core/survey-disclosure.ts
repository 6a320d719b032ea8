/**
 * What a survey's results may show without pointing anyone out (see docs/SURVEYS.md, "Små
 * grupper"). Pure rules; the services apply them before anything leaves the server.
 */

/** Fewer counted respondents than this: no results per question, and no group shown on its own. */
export const MIN_RESPONDENTS = 5;

/** Question kinds whose answers can point a person out (where they live, how old they are). */
export const isIdentifyingKind = (kind: string): boolean => kind === 'area' || kind === 'age';

/** One option's figures as shown: a small cell has neither count nor share. */
export type ShownCell = { n: number | null; share: number | null; small: boolean };

/**
 * The cells of one question. For an identifying question an option with 1–4 answers is "fewer
 * than five" (no count, no share); when any cell is small, no share and no total of respondents
 * is shown, since they would let the small cells be worked out. Other questions show everything.
 */
export function discloseCells(
  counts: readonly number[],
  answered: number,
  identifying: boolean
): { cells: ShownCell[]; answered: number | null } {
  const small = (n: number) => identifying && n > 0 && n < MIN_RESPONDENTS;
  const anySmall = counts.some(small);
  return {
    answered: anySmall ? null : answered,
    cells: counts.map((n) =>
      small(n)
        ? { n: null, share: null, small: true }
        : { n, share: anySmall ? null : answered ? n / answered : 0, small: false }
    )
  };
}
