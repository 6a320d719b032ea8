import { describe, expect, it } from 'vitest';
import { weekday } from './dates';
import { defaultSchoolCalendar, schoolPeriodRanges } from './school-calendar';

describe('defaultSchoolCalendar', () => {
  const norsjo = defaultSchoolCalendar('24', 2020, 2020);
  const of = (period: string) => norsjo.entries.filter((e) => e.period === period);

  it('puts sportlov in week 10 in Västerbotten and week 7 in Skåne', () => {
    expect(of('sportlov')).toEqual([{ period: 'sportlov', from: '2020-03-02', to: '2020-03-08' }]);
    expect(
      defaultSchoolCalendar('12', 2020, 2020).entries.find((e) => e.period === 'sportlov')
    ).toEqual({ period: 'sportlov', from: '2020-02-10', to: '2020-02-16' });
    expect(
      defaultSchoolCalendar(null, 2020, 2020).entries.find((e) => e.period === 'sportlov')
    ).toMatchObject({ from: '2020-02-17' });
  });

  it('gives sommarlov from the day after the Friday of week 24 to the day before week 34', () => {
    expect(of('sommarlov')).toEqual([
      { period: 'sommarlov', from: '2020-06-13', to: '2020-08-16' }
    ]);
  });

  it('puts höstlov in week 44 and påsklov in the week from Easter Monday', () => {
    expect(of('hostlov')).toEqual([{ period: 'hostlov', from: '2020-10-26', to: '2020-11-01' }]);
    expect(of('paasklov')).toEqual([{ period: 'paasklov', from: '2020-04-13', to: '2020-04-19' }]);
  });

  it('has jullov on both sides of the year and the terms between the long holidays', () => {
    expect(of('jullov')).toEqual([
      { period: 'jullov', from: '2019-12-21', to: '2020-01-07' },
      { period: 'jullov', from: '2020-12-22', to: '2021-01-07' }
    ]);
    expect(of('term')).toEqual([
      { period: 'term', from: '2020-01-08', to: '2020-06-12' },
      { period: 'term', from: '2020-08-17', to: '2020-12-21' }
    ]);
    for (const t of of('term')) {
      expect(weekday(t.from)).toBeLessThanOrEqual(5);
      expect(weekday(t.to)).toBeLessThanOrEqual(5);
    }
  });

  it('leaves no day between 2019 and 2022 both in a term and in a holiday, and none in neither', () => {
    const cal = defaultSchoolCalendar('24', 2019, 2022);
    const terms = schoolPeriodRanges(cal, 'terms');
    const holidays = (['sommarlov', 'jullov', 'sportlov', 'paasklov', 'hostlov'] as const).flatMap(
      (p) => schoolPeriodRanges(cal, p)
    );
    const days = new Map<string, number>();
    for (const r of [...terms, ...holidays]) {
      for (let d = new Date(r.start); d <= new Date(r.end); d.setUTCDate(d.getUTCDate() + 1)) {
        const key = d.toISOString().slice(0, 10);
        if (key >= '2019-01-08' && key <= '2022-12-31') days.set(key, (days.get(key) ?? 0) + 1);
      }
    }
    expect([...days.values()].every((n) => n === 1)).toBe(true);
    expect(days.size).toBe(
      (new Date('2022-12-31').getTime() - new Date('2019-01-08').getTime()) / 86_400_000 + 1
    );
  });

  it('cuts the holidays out of the terms for the window "under skolterminerna"', () => {
    const spring = schoolPeriodRanges(norsjo, 'terms').filter((r) => r.end <= '2020-06-30');
    expect(spring).toEqual([
      { start: '2020-01-08', end: '2020-03-01' },
      { start: '2020-03-09', end: '2020-04-12' },
      { start: '2020-04-20', end: '2020-06-12' }
    ]);
  });
});
