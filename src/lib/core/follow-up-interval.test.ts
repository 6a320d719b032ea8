import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { followUp } from './follow-up';
import { intervalSteps } from './follow-up-interval';
import type { DailyTally, PeriodResult } from './follow-up-types';
import type { PeriodKind } from './periods';
import type { Target } from './target';
import { parseTarget } from './target-parser';

const AGREEMENT = { start: '2019-01-01', end: '2022-12-31' };
const visit = (date: string): DailyTally => ({ date, count: 1, shifts: 0, grade: null });
const run = (target: Target, tallies: DailyTally[], today: string, period: PeriodKind = 'month') =>
  followUp({ target, tallies, today, span: AGREEMENT, period });
const at = (results: PeriodResult[], start: string) => results.find((r) => r.start === start);

describe('intervalSteps', () => {
  it('lists weekends Friday–Sunday and places each by its Saturday', () => {
    const steps = intervalSteps('weekend', { start: '2019-05-01', end: '2019-06-30' });
    expect(steps[0]).toEqual({ start: '2019-05-03', end: '2019-05-05', middle: '2019-05-04' });
    expect(steps).toContainEqual({ start: '2019-05-31', end: '2019-06-02', middle: '2019-06-01' });
    expect(steps).toHaveLength(9);
  });

  it('skips a weekend whose Saturday falls before the span', () => {
    expect(intervalSteps('weekend', { start: '2019-01-06', end: '2019-01-31' })[0]?.start).toBe(
      '2019-01-11'
    );
  });

  it('lists the 52 ISO weeks whose Thursday falls in 2019', () => {
    const weeks = intervalSteps('week', { start: '2019-01-01', end: '2019-12-31' });
    expect(weeks).toHaveLength(52);
    expect(weeks[0]).toEqual({ start: '2018-12-31', end: '2019-01-06', middle: '2019-01-03' });
  });

  it('lists months and days', () => {
    expect(
      intervalSteps('month', { start: '2020-01-01', end: '2020-03-31' }).map((s) => s.end)
    ).toEqual(['2020-01-31', '2020-02-29', '2020-03-31']);
    expect(intervalSteps('day', { start: '2020-02-28', end: '2020-03-01' })).toHaveLength(3);
  });
});

describe('followUp of "Var tredje helg besöka fritidsgårdens öppna verksamhet"', () => {
  const YOUTH_CENTRE = parseTarget('Var tredje helg besöka fritidsgårdens öppna verksamhet');
  // 2019 weekends: w1 4–6 Jan, w2 11–13 Jan, … w5 1–3 Feb, … w8 22–24 Feb, w9 1–3 Mar, … w13 29–31 Mar.
  const visits = [visit('2019-01-12'), visit('2019-02-02'), visit('2019-02-23')];
  const results = run(YOUTH_CENTRE, visits, '2019-04-10');

  it('judges the two windows that end in January (weekends 1–3 and 2–4) and finds both covered', () => {
    expect(at(results, '2019-01-01')).toEqual({
      start: '2019-01-01',
      end: '2019-01-31',
      expected: 2,
      done: 2,
      status: 'met'
    });
  });

  it('judges the four February windows across the month edge and finds all covered', () => {
    expect(at(results, '2019-02-01')).toMatchObject({ expected: 4, done: 4, status: 'met' });
  });

  it('calls March missed: the windows ending 15–17, 22–24 and 29–31 March hold no visit', () => {
    expect(at(results, '2019-03-01')).toMatchObject({
      expected: 5,
      done: 2,
      status: 'missed',
      detail:
        'no activity in the 3 weekend(s) ending with the one starting 2019-03-15, 2019-03-22, 2019-03-29'
    });
  });

  it('judges only finished windows in the current month: on 10 April the window ending 5–7 April is missed', () => {
    expect(at(results, '2019-04-01')).toMatchObject({ expected: 1, done: 0, status: 'behind' });
  });

  it('counts windows already covered even when they have not ended', () => {
    const withVisit = run(YOUTH_CENTRE, [...visits, visit('2019-04-06')], '2019-04-10');
    expect(at(withVisit, '2019-04-01')).toMatchObject({ expected: 3, done: 3, status: 'on-track' });
  });

  it('counts a Friday visit for its weekend but not a Thursday visit', () => {
    const friday = run(YOUTH_CENTRE, [visit('2019-01-04')], '2019-02-01');
    const thursday = run(YOUTH_CENTRE, [visit('2019-01-10')], '2019-02-01');
    expect(at(friday, '2019-01-01')).toMatchObject({ done: 1, status: 'missed' }); // covers 1–3, not 2–4
    expect(at(thursday, '2019-01-01')).toMatchObject({ done: 0, status: 'missed' });
  });

  it('shows future months as upcoming with their number of windows', () => {
    expect(at(results, '2019-06-01')).toMatchObject({ expected: 5, done: 0, status: 'upcoming' }); // Saturdays 1, 8, 15, 22, 29 June
  });
});

describe('followUp of "Varannan vecka" over a year', () => {
  const FORTNIGHT = parseTarget('Varannan vecka');
  const mondayOfWeek = (week: number) => addDays('2018-12-31', 7 * (week - 1));
  const oddWeeks = Array.from({ length: 26 }, (_, i) => visit(mondayOfWeek(2 * i + 1)));

  it('is met in 2019 with a visit in every odd week: all 51 two-week windows covered', () => {
    expect(run(FORTNIGHT, oddWeeks, '2020-02-01', 'year')[0]).toMatchObject({
      expected: 51,
      done: 51,
      status: 'met'
    });
  });

  it('misses two windows when the visit in week 25 is skipped', () => {
    const gap = oddWeeks.filter((v) => v.date !== mondayOfWeek(25));
    expect(run(FORTNIGHT, gap, '2020-02-01', 'year')[0]).toMatchObject({
      expected: 51,
      done: 49,
      status: 'missed'
    });
  });
});
