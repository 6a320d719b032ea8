import { describe, expect, it } from 'vitest';
import { followUp } from './follow-up';
import type { DailyTally } from './follow-up-types';
import { parseTarget } from './target-parser';

const SPAN = { start: '2019-01-01', end: '2022-12-31' };
const tally = (date: string, count: number, minutes: number, untimed = 0): DailyTally => ({
  date,
  count,
  shifts: 0,
  grade: null,
  minutes,
  untimed
});

/** docs/FOLLOW-UP.md §3 "Timmar": the worked example. */
describe('followUp: a target in hours sums logged time', () => {
  const target = parseTarget('10 timmar per vecka');
  // Four ISO weeks have their Thursday in March 2019 (weeks starting 4, 11, 18 and 25 March).
  const march = (tallies: DailyTally[]) =>
    followUp({ target, tallies, today: '2019-06-01', span: SPAN, period: 'month' }).find(
      (r) => r.start === '2019-03-01'
    );

  it('adds up hours, not activities: 4 × 10 h 30 min = 42 hours of 40 is met; an activity without time is shown apart', () => {
    const tallies = [
      tally('2019-03-05', 1, 630),
      tally('2019-03-12', 1, 630),
      tally('2019-03-14', 1, 0, 1),
      tally('2019-03-19', 1, 630),
      tally('2019-03-26', 1, 630)
    ];
    expect(march(tallies)).toMatchObject({ expected: 40, done: 42, status: 'met', untimed: 1 });
  });

  it('never takes an activity without a duration as 0 or 1 hour: done 0, "saknar tid" 5', () => {
    const tallies = ['2019-03-05', '2019-03-06', '2019-03-12', '2019-03-19', '2019-03-26'].map(
      (d) => tally(d, 1, 0, 1)
    );
    expect(march(tallies)).toMatchObject({ expected: 40, done: 0, status: 'missed', untimed: 5 });
  });

  it('sums minutes to hundredths of an hour (3 × 20 minutes = 1 hour) and judges a running week pro rata', () => {
    const result = followUp({
      target,
      tallies: [tally('2019-03-04', 3, 60), tally('2019-03-05', 1, 200)],
      today: '2019-03-06',
      span: SPAN,
      period: 'month'
    }).find((r) => r.start === '2019-03-01');
    // 10 h × 3/7 of the week through Wednesday = 4.29 → 4 owed; 1 h + 3 h 20 min = 4.33 done.
    expect(result).toMatchObject({ expected: 4, done: 4.33, status: 'on-track', untimed: 0 });
  });

  it('counts no untimed activities for a target that counts activities', () => {
    const result = followUp({
      target: parseTarget('Minst 10 kontroller per månad'),
      tallies: [tally('2019-03-05', 12, 0, 12)],
      today: '2019-06-01',
      span: SPAN,
      period: 'month'
    }).find((r) => r.start === '2019-03-01');
    expect(result).toMatchObject({ expected: 10, done: 12, status: 'met' });
    expect(result?.untimed).toBeUndefined();
  });
});
