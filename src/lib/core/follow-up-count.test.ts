import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { followUp } from './follow-up';
import type { DailyTally, PeriodResult } from './follow-up-types';
import type { PeriodKind } from './periods';
import type { Target } from './target';
import { parseTarget } from './target-parser';

const AGREEMENT = { start: '2019-01-01', end: '2022-12-31' };
const tally = (date: string, count = 1, grade: string | null = null): DailyTally => ({
  date,
  count,
  shifts: 0,
  grade
});
const run = (
  target: Target,
  tallies: DailyTally[],
  today: string,
  period: PeriodKind,
  span = AGREEMENT
) => followUp({ target, tallies, today, span, period });
const at = (results: PeriodResult[], start: string) => results.find((r) => r.start === start);

const TRAFFIC = parseTarget('Minst 10 kontroller per månad');
const MARCH_12 = Array.from({ length: 12 }, (_, i) =>
  tally(`2019-03-${String(i + 1).padStart(2, '0')}`)
);
const APRIL_4 = ['2019-04-02', '2019-04-05', '2019-04-10', '2019-04-15'].map((d) => tally(d));

describe('followUp of "Minst 10 kontroller per månad" month by month', () => {
  const results = run(TRAFFIC, [...MARCH_12, ...APRIL_4], '2019-04-15', 'month');

  it('calls March met with 12 controls against 10', () => {
    expect(at(results, '2019-03-01')).toEqual({
      start: '2019-03-01',
      end: '2019-03-31',
      expected: 10,
      done: 12,
      status: 'met'
    });
  });

  it('calls January missed with nothing done', () => {
    expect(at(results, '2019-01-01')).toMatchObject({ expected: 10, done: 0, status: 'missed' });
  });

  it('calls April behind on the 15th with 4 done, since 10 × 15/30 = 5 are expected so far', () => {
    expect(at(results, '2019-04-01')).toMatchObject({ expected: 5, done: 4, status: 'behind' });
    expect(at(results, '2019-04-01')?.detail).toBe(
      'pro-rated: day 15 of 30; the whole period expects 10'
    );
  });

  it('counts the days of a month whose last week runs into the next one over the weeks it judges', () => {
    // January 2019 shares the week 28 Jan–3 Feb with February and is judged until that week
    // ends; it owes 4 + 6/7 weeks (the agreement starts on Tuesday 1 January), so 4.
    const weekly = parseTarget('Minst 1 kontroll per vecka');
    for (const [today, day] of [
      ['2019-01-31', 31],
      ['2019-02-01', 32],
      ['2019-02-03', 34]
    ] as const) {
      const january = at(run(weekly, [], today, 'month'), '2019-01-01');
      expect(january?.status).toBe('behind');
      expect(january?.detail).toBe(`pro-rated: day ${day} of 34; the whole period expects 4`);
    }
    expect(at(run(weekly, [], '2019-02-04', 'month'), '2019-01-01')?.status).toBe('missed');
  });

  it('never counts a day past the days it judges, whatever the target and the day asked', () => {
    for (const text of ['Minst 1 kontroll per vecka', 'Minst 3 per tertial', 'Minst 10 per månad'])
      for (const period of ['month', 'tertial', 'year'] as const)
        for (let d = 0; d < 400; d += 3) {
          const today = addDays('2019-01-01', d);
          for (const r of run(parseTarget(text), [], today, period)) {
            const m = /day (\d+) of (\d+)/.exec(r.detail ?? '');
            if (m) expect(Number(m[1])).toBeLessThanOrEqual(Number(m[2]));
          }
        }
  });

  it('calls April on track on the 15th once a fifth control is logged', () => {
    const more = run(TRAFFIC, [...APRIL_4, tally('2019-04-15')], '2019-04-15', 'month');
    expect(at(more, '2019-04-01')).toMatchObject({ expected: 5, done: 5, status: 'on-track' });
  });

  it('shows later months as upcoming with their full expectation and 48 periods in all', () => {
    expect(results).toHaveLength(48);
    expect(at(results, '2019-05-01')).toEqual({
      start: '2019-05-01',
      end: '2019-05-31',
      expected: 10,
      done: 0,
      status: 'upcoming'
    });
    expect(results.filter((r) => r.status === 'upcoming')).toHaveLength(44);
  });

  it('ignores activities dated after today', () => {
    const early = run(TRAFFIC, [...APRIL_4, tally('2019-04-20', 6)], '2019-04-15', 'month');
    expect(at(early, '2019-04-01')?.done).toBe(4);
  });
});

describe('followUp of the current period around its edges', () => {
  it('expects nothing on the first day of a month, so day 1 is not judged yet (never behind, never kept)', () => {
    expect(at(run(TRAFFIC, [], '2019-05-01', 'month'), '2019-05-01')).toMatchObject({
      expected: 0,
      done: 0,
      status: 'not-applicable'
    });
  });

  it('expects 3 on 10 April (10 × 10/30 = 3.33, rounded down)', () => {
    expect(at(run(TRAFFIC, [], '2019-04-10', 'month'), '2019-04-01')).toMatchObject({
      expected: 3,
      status: 'behind'
    });
  });

  it('expects the full 10 when today is the last day of the month, which is still current', () => {
    const nine = Array.from({ length: 9 }, () => tally('2019-04-30'));
    expect(at(run(TRAFFIC, nine, '2019-04-30', 'month'), '2019-04-01')).toMatchObject({
      expected: 10,
      done: 9,
      status: 'behind'
    });
    expect(
      at(run(TRAFFIC, [...nine, tally('2019-04-30')], '2019-04-30', 'month'), '2019-04-01')
    ).toMatchObject({ status: 'on-track' });
    expect(
      at(run(TRAFFIC, [...nine, tally('2019-04-30')], '2019-05-01', 'month'), '2019-04-01')
    ).toMatchObject({ expected: 10, done: 10, status: 'met' });
  });

  it('pro-rates February 2020 over its 29 days', () => {
    expect(at(run(TRAFFIC, [], '2020-02-15', 'month'), '2020-02-01')).toMatchObject({
      expected: 5
    }); // 10 × 15/29 = 5.17
    expect(at(run(TRAFFIC, [], '2020-02-29', 'month'), '2020-02-01')).toMatchObject({
      expected: 10
    });
    expect(
      at(run(TRAFFIC, [tally('2020-02-29', 10)], '2020-03-01', 'month'), '2020-02-01')
    ).toMatchObject({ done: 10, status: 'met' });
  });
});

describe('followUp of a monthly target over longer periods', () => {
  it('expects 12 × 10 = 120 in a closed year and compares the year total', () => {
    const year = run(TRAFFIC, [tally('2019-06-10', 125)], '2020-01-10', 'year');
    expect(year[0]).toEqual({
      start: '2019-01-01',
      end: '2019-12-31',
      expected: 120,
      done: 125,
      status: 'met'
    });
  });

  it('expects 35 in the current year on 15 April (three whole months and half of April)', () => {
    expect(run(TRAFFIC, [], '2020-04-15', 'year')[1]).toMatchObject({
      expected: 35,
      status: 'behind'
    });
  });

  it('expects 40 per tertial and 480 over the whole agreement', () => {
    expect(run(TRAFFIC, [], '2023-01-01', 'tertial').map((r) => r.expected)).toEqual(
      Array(12).fill(40)
    );
    expect(run(TRAFFIC, [], '2023-01-01', 'agreement')[0]).toMatchObject({
      expected: 480,
      status: 'missed'
    });
  });

  it('pro-rates a month that the agreement span cuts: 15–31 March owes 10 × 17/31 = 5.48, so 5', () => {
    const span = { start: '2019-03-15', end: '2019-05-31' };
    const results = run(TRAFFIC, [tally('2019-03-20', 5)], '2019-06-01', 'month', span);
    expect(results[0]).toEqual({
      start: '2019-03-15',
      end: '2019-03-31',
      expected: 5,
      done: 5,
      status: 'met'
    });
    expect(results).toHaveLength(3);
  });
});

describe('followUp of a yearly target in shorter periods', () => {
  const TWICE = parseTarget('2 gånger per år');
  const tallies = [tally('2019-03-12'), tally('2019-10-01')];

  it('does not judge single months but still shows what was done in them', () => {
    const months = run(TWICE, tallies, '2019-11-15', 'month');
    expect(at(months, '2019-03-01')).toEqual({
      start: '2019-03-01',
      end: '2019-03-31',
      expected: null,
      done: 1,
      status: 'not-applicable',
      detail: 'judged per year'
    });
    expect(at(months, '2019-04-01')).toMatchObject({
      expected: null,
      done: 0,
      status: 'not-applicable'
    });
    expect(at(months, '2019-12-01')).toMatchObject({ status: 'upcoming' });
  });

  it('judges the year: met with 2, behind in a new year with none', () => {
    const years = run(TWICE, tallies, '2020-08-01', 'year');
    expect(years[0]).toMatchObject({ expected: 2, done: 2, status: 'met' });
    // 2 × 214/366 = 1.17 → 1 expected by 1 August 2020.
    expect(years[1]).toMatchObject({ expected: 1, done: 0, status: 'behind' });
  });
});

describe('followUp of a weekly target in months', () => {
  const WEEKLY = parseTarget('1 gång per vecka');

  it('counts ISO weeks by the share of their days in the month: April 2019 owes 4 (4 + 2/7)', () => {
    expect(at(run(WEEKLY, [], '2019-05-01', 'month'), '2019-04-01')).toMatchObject({
      expected: 4,
      status: 'missed'
    });
  });

  it('expects 51 in 2019: ISO weeks 2–52 and 6/7 of week 1, which began the day before the agreement', () => {
    expect(run(WEEKLY, [], '2020-01-01', 'year')[0]).toMatchObject({ expected: 51 });
  });

  it('counts ISO week 53 as a week of 2020: one activity every ISO week of 2020 is 53 of 53', () => {
    // ISO 2020 runs from Monday 30 December 2019 to Sunday 3 January 2021; each week's Thursday places it.
    const span = { start: '2019-01-01', end: '2022-12-31' };
    const tallies: DailyTally[] = [];
    for (let d = '2019-12-30'; d <= '2021-01-03'; d = addDays(d, 7))
      tallies.push(tally(addDays(d, 4), 1));
    const results = followUp({
      target: WEEKLY,
      tallies,
      today: '2021-06-01',
      span,
      period: 'year'
    });
    expect(results.find((r) => r.start === '2020-01-01')).toMatchObject({
      expected: 53,
      done: 53,
      status: 'met'
    });
  });
});

describe('followUp of a per-grade target ("Besöka klasserna år 6-9 1 gång per år")', () => {
  const CLASSES = parseTarget('Besöka klasserna år 6-9 1 gång per år');
  const visits = [
    tally('2019-02-05', 1, '6'),
    tally('2019-02-06', 2, '6'),
    tally('2019-03-01', 1, '7'),
    tally('2019-09-10', 1, '8'),
    tally('2019-10-10', 3, null),
    tally('2020-01-20', 1, '6'),
    tally('2020-02-20', 1, '7'),
    tally('2020-03-20', 1, '8'),
    tally('2020-04-20', 1, '9'),
    tally('2021-02-01', 1, '6'),
    tally('2021-03-01', 1, '7')
  ];

  it('counts grades covered, not visits: 2019 covered 6, 7 and 8 of four grades and is missed', () => {
    const years = run(CLASSES, visits, '2021-07-02', 'year');
    expect(years[0]).toEqual({
      start: '2019-01-01',
      end: '2019-12-31',
      expected: 4,
      done: 3,
      status: 'missed',
      detail: 'grades not yet covered: 9'
    });
  });

  it('calls 2020 met when each of the four grades had a visit', () => {
    expect(run(CLASSES, visits, '2021-07-02', 'year')[1]).toMatchObject({
      expected: 4,
      done: 4,
      status: 'met'
    });
  });

  it('pro-rates the grades in the current year: on 2 July 2021, 4 × 183/365 = 2.005, so 2 grades', () => {
    expect(run(CLASSES, visits, '2021-07-02', 'year')[2]).toMatchObject({
      expected: 2,
      done: 2,
      status: 'on-track'
    });
  });

  it('expects 16 grade visits over the four-year agreement and counts grades per year', () => {
    expect(run(CLASSES, visits, '2023-01-01', 'agreement')[0]).toMatchObject({
      expected: 16,
      done: 9,
      status: 'missed'
    });
  });

  it('needs the count for each grade when the count is more than one', () => {
    const twice: Target = {
      kind: 'count',
      text: '2 gånger per år',
      count: 2,
      per: 'year',
      perUnit: { label: 'årskurs', values: ['6', '7'] }
    };
    expect(run(twice, visits, '2020-01-01', 'year')[0]).toMatchObject({
      expected: 2,
      done: 1,
      status: 'missed'
    });
  });
});

describe('followUp of a weekday rule ("alla fredags- och lördagskvällar")', () => {
  const EVENINGS = parseTarget('alla fredags- och lördagskvällar');
  // March 2019: Fridays 1, 8, 15, 22, 29 and Saturdays 2, 9, 16, 23, 30 — ten evenings.
  const nine = ['01', '02', '08', '09', '15', '16', '22', '23', '29'].map((d) =>
    tally(`2019-03-${d}`)
  );

  it('expects one activity each of the ten Friday and Saturday evenings of March 2019', () => {
    const march = at(run(EVENINGS, nine, '2019-04-01', 'month'), '2019-03-01');
    expect(march).toMatchObject({ expected: 10, done: 9, status: 'missed' });
  });

  it('does not let two patrols on one Friday make up for a missed Saturday, nor count a Wednesday', () => {
    const extra = [...nine, tally('2019-03-29'), tally('2019-03-27', 4)];
    expect(at(run(EVENINGS, extra, '2019-04-01', 'month'), '2019-03-01')).toMatchObject({
      done: 9,
      status: 'missed'
    });
    expect(
      at(run(EVENINGS, [...nine, tally('2019-03-30')], '2019-04-01', 'month'), '2019-03-01')
    ).toMatchObject({ done: 10, status: 'met' });
  });

  it('owes only the evenings already over in the current month', () => {
    // On Saturday 16 March the evenings 1, 2, 8, 9 and 15 are over; tonight is not yet owed.
    const soFar = nine.filter((t) => t.date < '2019-03-16');
    expect(at(run(EVENINGS, soFar, '2019-03-16', 'month'), '2019-03-01')).toMatchObject({
      expected: 5,
      done: 5,
      status: 'on-track'
    });
  });
});

describe('followUp of daily and whole-period counts', () => {
  it('expects 29 in February 2020 for "en gång per dygn"', () => {
    expect(
      at(run(parseTarget('En gång per dygn'), [], '2020-03-01', 'month'), '2020-02-01')
    ).toMatchObject({ expected: 29 });
  });

  it('judges "vid minst 6 tillfällen" over the agreement only, pro-rated while it runs', () => {
    const target = parseTarget('Vid minst 6 tillfällen');
    const dates = [tally('2019-05-01'), tally('2020-05-01', 2)];
    // 1 January 2021 is day 732 of 1461: 6 × 732/1461 = 3.006, so 3 expected.
    expect(run(target, dates, '2021-01-01', 'agreement')[0]).toMatchObject({
      expected: 3,
      done: 3,
      status: 'on-track'
    });
    expect(run(target, dates, '2023-01-01', 'agreement')[0]).toMatchObject({
      expected: 6,
      done: 3,
      status: 'missed'
    });
    expect(run(target, dates, '2021-01-01', 'year')[0]).toMatchObject({
      expected: null,
      status: 'not-applicable',
      detail: 'judged per period'
    });
  });

  it('shows every period as upcoming before the agreement starts', () => {
    expect(run(TRAFFIC, [], '2018-12-31', 'tertial').every((r) => r.status === 'upcoming')).toBe(
      true
    );
  });
});
