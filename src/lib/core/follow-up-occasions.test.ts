import { describe, expect, it } from 'vitest';
import { defaultRiskOccasions, type RiskOccasion } from './calendar';
import { followUp } from './follow-up';
import type { DailyTally, PeriodResult } from './follow-up-types';
import type { PeriodKind } from './periods';
import type { Target } from './target';
import { parseTarget } from './target-parser';

const AGREEMENT = { start: '2019-01-01', end: '2022-12-31' };
const walk = (date: string): DailyTally => ({ date, count: 1, shifts: 0, grade: null });
const run = (
  target: Target,
  tallies: DailyTally[],
  today: string,
  period: PeriodKind,
  riskOccasions?: RiskOccasion[]
) =>
  followUp({
    target,
    tallies,
    today,
    span: AGREEMENT,
    period,
    ...(riskOccasions ? { riskOccasions } : {})
  });
const at = (results: PeriodResult[], start: string) => results.find((r) => r.start === start);

const NIGHT_WALKS = parseTarget('Under riskhelger, löpande under året');
// 2019 defaults: valborg Tue 30 Apr (30 Apr–1 May), midsommar Fri 21 Jun (21–23 Jun),
// halloween Sat 2 Nov (1–3 Nov), jul Tue 24 Dec (24–25 Dec), nyår Tue 31 Dec (31 Dec–1 Jan).
const FOUR = ['2019-05-01', '2019-06-22', '2019-11-01', '2019-12-24'].map(walk);

describe('followUp of "Under riskhelger" with the default occasions', () => {
  it('misses 2019 when nyår had no night walk, and says which occasion', () => {
    expect(run(NIGHT_WALKS, FOUR, '2020-06-01', 'year')[0]).toEqual({
      start: '2019-01-01',
      end: '2019-12-31',
      expected: 5,
      done: 4,
      status: 'missed',
      detail: 'no activity at: nyar 2019-12-31'
    });
  });

  it('counts a walk in the small hours of 1 January for nyårsafton', () => {
    expect(run(NIGHT_WALKS, [...FOUR, walk('2020-01-01')], '2020-06-01', 'year')[0]).toMatchObject({
      done: 5,
      status: 'met'
    });
  });

  it('judges each month by the occasions in it and leaves months without one unjudged', () => {
    const months = run(NIGHT_WALKS, FOUR, '2020-06-01', 'month');
    expect(at(months, '2019-04-01')).toMatchObject({ expected: 1, done: 1, status: 'met' });
    expect(at(months, '2019-03-01')).toMatchObject({ expected: 0, status: 'not-applicable' });
    expect(at(months, '2019-12-01')).toMatchObject({ expected: 2, done: 1, status: 'missed' });
  });

  it('does not judge midsommar while its weekend is still going on, unless a walk is logged', () => {
    // Nothing is owed yet, so June is not judged yet (it was 'on-track' with 0 expected: "I fas 0 av 0").
    expect(at(run(NIGHT_WALKS, [], '2019-06-22', 'month'), '2019-06-01')).toMatchObject({
      expected: 0,
      status: 'not-applicable'
    });
    expect(
      at(run(NIGHT_WALKS, [walk('2019-06-21')], '2019-06-22', 'month'), '2019-06-01')
    ).toMatchObject({ expected: 1, done: 1, status: 'on-track' });
    expect(at(run(NIGHT_WALKS, [], '2019-06-24', 'month'), '2019-06-01')).toMatchObject({
      expected: 1,
      done: 0,
      status: 'behind'
    });
  });

  it('shows a future year as upcoming with its number of occasions', () => {
    expect(run(NIGHT_WALKS, [], '2019-06-24', 'year')[1]).toMatchObject({
      expected: 5,
      done: 0,
      status: 'upcoming'
    });
  });
});

describe('followUp of named occasions', () => {
  const SCHOOL = parseTarget('Vid valborg och skolavslutningen');

  it('uses the date the municipality set for skolavslutning', () => {
    const occasions = defaultRiskOccasions(2019, { skolavslutning: '2019-06-13' }); // Thursday: 13–14 June
    const results = run(
      SCHOOL,
      [walk('2019-04-30'), walk('2019-06-14')],
      '2020-01-10',
      'year',
      occasions
    );
    expect(results[0]).toEqual({
      start: '2019-01-01',
      end: '2019-12-31',
      expected: 2,
      done: 2,
      status: 'met'
    });
  });

  it('says when an occasion has no date that year instead of failing silently: needs-date, not kept', () => {
    const results = run(SCHOOL, [walk('2019-04-30')], '2020-01-10', 'year');
    // It was 'met' all year although "vid skolavslutningen" was never dated and never judged.
    expect(results[0]).toMatchObject({
      expected: 1,
      done: 1,
      status: 'needs-date',
      detail: 'no date set for: skolavslutning 2019'
    });
  });

  it("puts an undated occasion on the year's last period, and on the current one while the year runs", () => {
    const closed = run(SCHOOL, [walk('2019-04-30')], '2020-01-10', 'month');
    expect(at(closed, '2019-04-01')).toMatchObject({ status: 'met' });
    expect(at(closed, '2019-06-01')).toMatchObject({ status: 'not-applicable' });
    expect(at(closed, '2019-12-01')).toMatchObject({ status: 'needs-date' });
    const running = run(SCHOOL, [], '2019-08-10', 'month');
    expect(at(running, '2019-08-01')).toMatchObject({ status: 'needs-date' });
    expect(at(running, '2019-07-01')).toMatchObject({ status: 'not-applicable' });
  });
});
