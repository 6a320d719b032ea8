import { describe, expect, it } from 'vitest';
import { followUp } from './follow-up';
import type { DailyTally, PeriodResult } from './follow-up-types';
import type { PeriodKind } from './periods';
import type { Target } from './target';
import { parseTarget } from './target-parser';

const AGREEMENT = { start: '2019-01-01', end: '2022-12-31' };
const tally = (date: string, count: number, shifts = 0): DailyTally => ({
  date,
  count,
  shifts,
  grade: null
});
const run = (
  target: Target,
  tallies: DailyTally[],
  today: string,
  period: PeriodKind = 'month',
  quietAfterDays?: number
) =>
  followUp({
    target,
    tallies,
    today,
    span: AGREEMENT,
    period,
    ...(quietAfterDays ? { quietAfterDays } : {})
  });
const at = (results: PeriodResult[], start: string) => results.find((r) => r.start === start);

describe('followUp of "Varje arbetspass"', () => {
  const PATROL = parseTarget('Varje arbetspass');
  const tallies = [
    tally('2019-01-10', 2, 2),
    tally('2019-01-11', 0, 1),
    tally('2019-02-05', 3, 2),
    tally('2019-04-09', 1, 1),
    tally('2019-04-10', 0, 1)
  ];
  const results = run(PATROL, tallies, '2019-04-10');

  it('calls January missed: 2 patrols in 3 shifts', () => {
    expect(at(results, '2019-01-01')).toEqual({
      start: '2019-01-01',
      end: '2019-01-31',
      expected: 3,
      done: 2,
      status: 'missed',
      detail: 'activities per shift (67 %)'
    });
  });

  it('calls February met: 3 patrols in 2 shifts', () => {
    expect(at(results, '2019-02-01')).toMatchObject({ expected: 2, done: 3, status: 'met' });
  });

  it('does not judge a month without any shifts', () => {
    expect(at(results, '2019-03-01')).toMatchObject({
      expected: 0,
      done: 0,
      status: 'not-applicable'
    });
  });

  it("owes today's shift only from tomorrow, so April is on track on the 10th", () => {
    expect(at(results, '2019-04-01')).toMatchObject({ expected: 1, done: 1, status: 'on-track' });
    expect(at(run(PATROL, tallies, '2019-04-11'), '2019-04-01')).toMatchObject({
      expected: 2,
      done: 1,
      status: 'behind'
    });
  });

  it('has no expectation for future months, since shifts are not known in advance', () => {
    expect(at(results, '2019-05-01')).toMatchObject({ expected: null, status: 'upcoming' });
  });
});

describe('followUp of "Kontinuerligt" (quiet after 90 days)', () => {
  const DNA = parseTarget('Kontinuerligt');
  const jan20 = [tally('2019-01-20', 1)];

  it('stays active while the latest activity lies within the 90 days ending on the last day of the month', () => {
    const results = run(DNA, jan20, '2019-06-15');
    expect(at(results, '2019-01-01')).toMatchObject({
      expected: null,
      done: 1,
      status: 'active',
      detail: 'last activity 2019-01-20'
    });
    expect(at(results, '2019-03-01')).toMatchObject({ done: 0, status: 'active' }); // window 1 Jan – 31 Mar
  });

  it('turns quiet when 100 days have passed (20 January to 30 April)', () => {
    const results = run(DNA, jan20, '2019-06-15');
    expect(at(results, '2019-04-01')).toMatchObject({
      status: 'quiet',
      detail: 'last activity 2019-01-20; quiet for 100 days'
    });
    expect(at(results, '2019-06-01')).toMatchObject({ status: 'quiet' });
  });

  it('judges the current month on today, not on its last day', () => {
    expect(
      at(run(DNA, [...jan20, tally('2019-06-01', 2)], '2019-06-15'), '2019-06-01')
    ).toMatchObject({ done: 2, status: 'active' });
  });

  it('does not call a young agreement quiet before 90 days have passed', () => {
    const results = run(DNA, [], '2019-03-15');
    expect(at(results, '2019-01-01')).toMatchObject({ status: 'not-applicable' });
    expect(at(results, '2019-02-01')).toMatchObject({ status: 'not-applicable' });
    expect(at(results, '2019-03-01')).toMatchObject({
      status: 'on-track',
      detail: 'no activity yet; agreement day 74 of a 90-day limit'
    });
    expect(at(run(DNA, [], '2019-04-01'), '2019-03-01')).toMatchObject({ status: 'quiet' }); // 31 March is day 90
  });

  it('lets the caller change the quiet limit', () => {
    expect(at(run(DNA, jan20, '2019-06-15', 'month', 120), '2019-04-01')).toMatchObject({
      status: 'active'
    });
  });
});

describe('followUp of on-demand and unparsed targets', () => {
  it('never calls "Vid behov" a failure but shows what was done', () => {
    const results = run(parseTarget('Vid behov'), [tally('2019-02-02', 3)], '2019-03-10');
    expect(at(results, '2019-01-01')).toMatchObject({
      expected: null,
      done: 0,
      status: 'not-applicable'
    });
    expect(at(results, '2019-02-01')).toMatchObject({
      expected: null,
      done: 3,
      status: 'not-applicable'
    });
    expect(at(results, '2019-04-01')).toMatchObject({ status: 'upcoming' });
  });

  it('keeps an unparsed target visible with its activities and a note', () => {
    const results = run(
      parseTarget('Polisen ska synas mer'),
      [tally('2019-02-02', 1)],
      '2019-03-10',
      'year'
    );
    expect(results[0]).toEqual({
      start: '2019-01-01',
      end: '2019-12-31',
      expected: null,
      done: 1,
      status: 'not-applicable',
      detail: 'target not interpreted'
    });
  });
});
