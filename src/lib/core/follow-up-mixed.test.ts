import { describe, expect, it } from 'vitest';
import { followUp } from './follow-up';
import type { DailyTally } from './follow-up-types';
import type { PeriodKind } from './periods';
import { parseTarget } from './target-parser';

const SPAN = { start: '2019-01-01', end: '2022-12-31' };
const BEFORE = parseTarget('2 gånger per tertial');
const AFTER = parseTarget('Var tredje helg');
const plan = [
  { start: '2019-01-01', end: '2019-03-14', target: BEFORE },
  { start: '2019-03-15', end: '2022-12-31', target: AFTER }
];
const on = (...dates: string[]): DailyTally[] =>
  dates.map((date) => ({ date, count: 1, shifts: 0, grade: null }));
const tertial = (tallies: DailyTally[], today: string, period: PeriodKind = 'tertial') =>
  followUp({ target: AFTER, plan, tallies, today, span: SPAN, period })[0]!;

/**
 * docs/FOLLOW-UP.md §8 "Olika sorters mål i samma period": "2 gånger per tertial" becomes "Var
 * tredje helg" on 15 March 2019. January–April 2019 is judged in two parts by days.
 */
describe('followUp: a target of another kind from mid-period', () => {
  // Part 1, 1 January–14 March (73 of the tertial's 120 days): 2 × 73/120 = 1.22 → 1 owed.
  // Part 2, 15 March–30 April: the seven weekends with Saturday 16, 23, 30 March and 6, 13, 20,
  // 27 April each end a run of three weekends (the runs ending 16 and 23 March reach back before
  // the change: runs are on the whole timeline) → 7 runs owed.
  it('is kept only when each part is: a surplus before the change does not cover a missed run after it', () => {
    const r = tertial(on('2019-01-10', '2019-02-20', '2019-03-16', '2019-04-13'), '2019-06-01');
    // Part 1: 2 of 1, met. Part 2: 16 March covers the runs ending 16, 23 and 30 March, 13 April
    // those ending 13, 20 and 27 April; the run 23 March–6 April has nothing: 6 of 7, missed.
    // Done counts part 1 at most at the 1 it owed: 1 + 6 = 7 of 1 + 7 = 8.
    expect(r).toMatchObject({ expected: 8, done: 7, status: 'missed' });
    expect(r.detail).toBe(
      'judged in 2 parts; 2019-01-01–2019-03-14: 2 of 1 met; 2019-03-15–2019-04-30: 6 of 7 missed (no activity in the 3 weekend(s) ending with the one starting 2019-04-05)'
    );
  });

  it('is met when both parts are', () => {
    const r = tertial(on('2019-01-10', '2019-03-16', '2019-04-06', '2019-04-27'), '2019-06-01');
    expect(r).toMatchObject({ expected: 8, done: 8, status: 'met' });
  });

  it('says "efter", never "ej uppfyllt" or "uppfyllt", while the period runs', () => {
    const missedFirst = tertial(on('2019-03-16', '2019-04-06'), '2019-04-10');
    expect(missedFirst.status).toBe('behind');
    const keptSoFar = tertial(on('2019-01-10', '2019-03-16', '2019-04-06'), '2019-04-10');
    expect(['on-track', 'not-applicable']).toContain(keptSoFar.status);
    expect(keptSoFar.status).not.toBe('met');
  });
});
