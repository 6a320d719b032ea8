import { describe, expect, it } from 'vitest';
import { discloseCells, isIdentifyingKind, MIN_RESPONDENTS } from './survey-disclosure';

describe('disclosing survey cells', () => {
  it('shows every count and share of a question that does not identify', () => {
    expect(discloseCells([1, 3, 0], 4, false)).toEqual({
      answered: 4,
      cells: [
        { n: 1, share: 0.25, small: false },
        { n: 3, share: 0.75, small: false },
        { n: 0, share: 0, small: false }
      ]
    });
  });

  it('hides counts of 1–4 of an area or age question, and then all shares and the total', () => {
    const { cells, answered } = discloseCells([6, 2, 0, 4], 12, true);
    expect(answered).toBeNull();
    expect(cells).toEqual([
      { n: 6, share: null, small: false },
      { n: null, share: null, small: true },
      { n: 0, share: null, small: false },
      { n: null, share: null, small: true }
    ]);
  });

  it('shows shares of an identifying question when no cell is small', () => {
    expect(discloseCells([5, 0, 15], 20, true).cells.map((c) => c.share)).toEqual([0.25, 0, 0.75]);
  });

  it('knows which kinds identify and where the limit is', () => {
    expect(['area', 'age', 'single', 'text'].map(isIdentifyingKind)).toEqual([
      true,
      true,
      false,
      false
    ]);
    expect(MIN_RESPONDENTS).toBe(5);
  });
});
