import { describe, expect, it } from 'vitest';
import { followUp, fulfilment } from './follow-up';
import type { DailyTally, FollowUpStatus, PeriodResult } from './follow-up-types';
import * as core from './index';
import { parseTarget } from './target-parser';

const at = (results: PeriodResult[], start: string) => results.find((r) => r.start === start);

const AGREEMENT = { start: '2019-01-01', end: '2022-12-31' };
const result = (status: FollowUpStatus): PeriodResult => ({
  start: '2019-01-01',
  end: '2019-01-31',
  expected: null,
  done: 0,
  status
});

describe('fulfilment', () => {
  it('counts met, on-track and active as kept and ignores upcoming and not-applicable periods', () => {
    const all: FollowUpStatus[] = [
      'met',
      'missed',
      'on-track',
      'behind',
      'active',
      'quiet',
      'not-applicable',
      'upcoming'
    ];
    expect(fulfilment(all.map(result))).toEqual({ met: 3, judged: 6, share: 0.5 });
  });

  it('has no share when nothing could be judged', () => {
    expect(fulfilment([result('upcoming'), result('not-applicable')])).toEqual({
      met: 0,
      judged: 0,
      share: null
    });
    expect(fulfilment([])).toEqual({ met: 0, judged: 0, share: null });
  });

  it('combines the months of two measures into one share for a focus area', () => {
    const today = '2019-04-15';
    const tally = (date: string, count: number): DailyTally => ({
      date,
      count,
      shifts: 0,
      grade: null
    });
    // Traffic controls: Jan 10 (met), Feb 3 (missed), Mar 12 (met), Apr 4 of 5 so far (behind).
    const traffic = followUp({
      target: parseTarget('Minst 10 kontroller per månad'),
      tallies: [
        tally('2019-01-15', 10),
        tally('2019-02-15', 3),
        tally('2019-03-15', 12),
        tally('2019-04-02', 4)
      ],
      today,
      span: AGREEMENT,
      period: 'month'
    });
    // Intelligence work: once a month, done in January, February, March and April.
    const intelligence = followUp({
      target: parseTarget('Som minst 1 gång i månaden'),
      tallies: ['2019-01-07', '2019-02-07', '2019-03-07', '2019-04-07'].map((d) => tally(d, 1)),
      today,
      span: AGREEMENT,
      period: 'month'
    });
    expect(fulfilment(traffic)).toEqual({ met: 2, judged: 4, share: 0.5 });
    // April's intelligence work owes 1 × 15/30 = 0.5, rounded down to 0, on the 15th: nothing is
    // owed yet, so April is not judged yet and does not count as kept (it used to, as "I fas 1 av 0").
    expect(at(intelligence, '2019-04-01')).toMatchObject({ expected: 0, status: 'not-applicable' });
    expect(fulfilment([...traffic, ...intelligence])).toEqual({
      met: 5,
      judged: 7,
      share: 5 / 7
    });
  });
});

describe('the core index', () => {
  it('exports the public API by name', () => {
    for (const name of [
      'parseTarget',
      'describeTarget',
      'isTarget',
      'targetProblems',
      'followUp',
      'fulfilment',
      'periods',
      'swedishHolidays',
      'defaultRiskOccasions',
      'riskWeekendOf',
      'addDays',
      'daysBetween',
      'startOfMonth',
      'endOfMonth',
      'tertialOf',
      'isoWeek',
      'weekday'
    ]) {
      expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
