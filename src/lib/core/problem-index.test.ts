import { describe, expect, it } from 'vitest';
import { formulaOrDefault, indexLevel, itemIndex, totalIndex } from './problem-index';

describe('the problem index', () => {
  it('scales the mean step to 0–10 and leaves out "Ingen uppfattning" (hand-computed)', () => {
    // 4 × Inget (0) + 3 × Litet (1) + 2 × Ganska stort (2) + 1 × Mycket stort (3) = 10 over 10
    // answers with an opinion: mean 1.0 of 3 → 10 × 1/3 = 3.33… → 3.3; 5 without opinion ignored.
    const r = itemIndex([
      { score: 0, count: 4 },
      { score: 1, count: 3 },
      { score: 2, count: 2 },
      { score: 3, count: 1 },
      { score: null, count: 5 }
    ]);
    expect(r).toEqual({ index: 3.3, n: 10, noOpinion: 5 });
  });

  it('gives 0 when nobody sees a problem, 10 when everyone sees a very big one, null without opinions', () => {
    expect(itemIndex([{ score: 0, count: 7 }]).index).toBe(0);
    expect(itemIndex([{ score: 3, count: 2 }]).index).toBe(10);
    expect(itemIndex([{ score: null, count: 3 }])).toEqual({ index: null, n: 0, noOpinion: 3 });
  });

  it('follows a configured formula', () => {
    // Values 0, 2, 6, 10 on a 0–10 scale: (1×0 + 1×2 + 1×6 + 1×10) / (4 × 10) × 10 = 4.5
    const f = { stepValues: [0, 2, 6, 10], scaleMax: 10 };
    expect(
      itemIndex(
        [0, 1, 2, 3].map((score) => ({ score, count: 1 })),
        f
      ).index
    ).toBe(4.5);
  });

  it('averages the items that have an index into the total', () => {
    expect(
      totalIndex([
        { index: 3.3, n: 10, noOpinion: 0 },
        { index: 6.7, n: 3, noOpinion: 0 },
        { index: null, n: 0, noOpinion: 2 }
      ])
    ).toBe(5);
    expect(totalIndex([])).toBeNull();
  });

  it('reads levels and refuses a broken stored formula', () => {
    expect(indexLevel(1.9)).toBe('Inga eller små problem');
    expect(indexLevel(6)).toBe('Stora problem');
    expect(formulaOrDefault({ stepValues: [0, -1], scaleMax: 10 }).stepValues).toEqual([
      0, 1, 2, 3
    ]);
    expect(formulaOrDefault({ stepValues: [0, 5], scaleMax: 100 })).toEqual({
      stepValues: [0, 5],
      scaleMax: 100
    });
  });
});
