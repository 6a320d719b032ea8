import { describe, expect, it } from 'vitest';
import { followUp } from './follow-up';
import { gradeCounts } from './follow-up-count';
import type { DailyTally } from './follow-up-types';
import { parseTarget } from './target-parser';

const SPAN = { start: '2019-01-01', end: '2022-12-31' };
const visit = (date: string, grade: string): DailyTally => ({
  date,
  count: 1,
  shifts: 0,
  grade
});

describe('per grade and per class (docs/FOLLOW-UP.md, "Per årskurs och per klass")', () => {
  it('maps a class to its grade by its leading number and one letter: "6A" and "6 b" are grade 6, "16A" and "6AB" are not', () => {
    expect(gradeCounts('6A', '6')).toBe(true);
    expect(gradeCounts('6 b', '6')).toBe(true);
    expect(gradeCounts('6', '6')).toBe(true);
    expect(gradeCounts('16A', '6')).toBe(false);
    expect(gradeCounts('6AB', '6')).toBe(false);
    expect(gradeCounts('7A', '6')).toBe(false);
    // A named class counts only for itself.
    expect(gradeCounts('6a', '6A')).toBe(true);
    expect(gradeCounts('6B', '6A')).toBe(false);
    expect(gradeCounts(null, '6')).toBe(false);
  });

  it('"Besöka klasserna år 6-9 1 gång per år": visits logged as 6A, 6B, 7C and 8 cover grades 6, 7 and 8, not 9', () => {
    const [y2019] = followUp({
      target: parseTarget('Besöka klasserna år 6-9 1 gång per år'),
      tallies: [
        visit('2019-02-01', '6A'),
        visit('2019-03-01', '6B'),
        visit('2019-04-01', '7C'),
        visit('2019-05-01', '8')
      ],
      today: '2020-06-01',
      span: SPAN,
      period: 'year'
    });
    expect(y2019).toMatchObject({
      expected: 4,
      done: 3,
      status: 'missed',
      detail: 'grades not yet covered: 9'
    });
  });

  it('"per klass (6A, 6B och 7A)": each named class on its own', () => {
    const [y2019] = followUp({
      target: parseTarget('Besöka varje klass (6A, 6B och 7A) en gång per år'),
      tallies: [visit('2019-02-01', '6A'), visit('2019-03-01', '6a'), visit('2019-04-01', '7A')],
      today: '2020-06-01',
      span: SPAN,
      period: 'year'
    });
    expect(y2019).toMatchObject({ expected: 3, done: 2, status: 'missed' });
  });
});
