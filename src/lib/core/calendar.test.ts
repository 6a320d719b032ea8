import { describe, expect, it } from 'vitest';
import { defaultRiskOccasions, riskWeekendOf, swedishHolidays } from './calendar';

describe('swedishHolidays', () => {
  it('lists the thirteen public holidays of 2019 and no eves or bank holidays', () => {
    const holidays = swedishHolidays(2019);
    expect(holidays.map((h) => h.date)).toEqual([
      '2019-01-01',
      '2019-01-06',
      '2019-04-19',
      '2019-04-21',
      '2019-04-22',
      '2019-05-01',
      '2019-05-30',
      '2019-06-06',
      '2019-06-09',
      '2019-06-22',
      '2019-11-02',
      '2019-12-25',
      '2019-12-26'
    ]);
    expect(holidays.find((h) => h.date === '2019-06-22')?.name).toBe('midsommardagen');
    expect(holidays.some((h) => h.date === '2019-12-24' || h.date === '2019-06-21')).toBe(false);
  });

  it('moves the movable feasts with the year', () => {
    const dates = swedishHolidays(2020).map((h) => h.date);
    expect(dates).toContain('2020-04-10'); // långfredagen
    expect(dates).toContain('2020-06-20'); // midsommardagen
    expect(dates).toContain('2020-10-31'); // alla helgons dag
  });
});

describe('defaultRiskOccasions', () => {
  it('gives valborg, midsommarafton, alla helgons dag, julafton and nyårsafton for 2019', () => {
    expect(defaultRiskOccasions(2019).map((o) => [o.key, o.date])).toEqual([
      ['valborg', '2019-04-30'],
      ['midsommar', '2019-06-21'],
      ['halloween', '2019-11-02'],
      ['jul', '2019-12-24'],
      ['nyar', '2019-12-31']
    ]);
  });

  it('follows midsommarafton and alla helgons dag through the agreement years', () => {
    const pick = (year: number, key: string) =>
      defaultRiskOccasions(year).find((o) => o.key === key)?.date;
    expect([2020, 2021, 2022].map((y) => pick(y, 'midsommar'))).toEqual([
      '2020-06-19',
      '2021-06-25',
      '2022-06-24'
    ]);
    expect([2020, 2021, 2022].map((y) => pick(y, 'halloween'))).toEqual([
      '2020-10-31',
      '2021-11-06',
      '2022-11-05'
    ]);
  });

  it('leaves out skolavslutning and studenten unless the municipality gives their dates', () => {
    expect(
      defaultRiskOccasions(2019).some((o) => o.key === 'skolavslutning' || o.key === 'studenten')
    ).toBe(false);
    const withDates = defaultRiskOccasions(2019, {
      skolavslutning: '2019-06-12',
      studenten: '2019-06-07'
    });
    expect(withDates.map((o) => o.key)).toEqual([
      'valborg',
      'studenten',
      'skolavslutning',
      'midsommar',
      'halloween',
      'jul',
      'nyar'
    ]);
    expect(withDates.find((o) => o.key === 'studenten')?.name).toBe('Studenten');
  });

  it('lets the municipality move a default date and add occasions of its own', () => {
    const list = defaultRiskOccasions(2019, { valborg: '2019-05-01', marknad: '2019-08-10' });
    expect(list.find((o) => o.key === 'valborg')?.date).toBe('2019-05-01');
    expect(list.find((o) => o.key === 'marknad')).toEqual({
      key: 'marknad',
      name: 'marknad',
      date: '2019-08-10'
    });
  });
});

describe('riskWeekendOf', () => {
  it('covers Friday to Sunday when the occasion is a Friday or a Saturday', () => {
    expect(riskWeekendOf('2019-06-21')).toEqual({ start: '2019-06-21', end: '2019-06-23' }); // midsommarafton, Fri
    expect(riskWeekendOf('2019-11-02')).toEqual({ start: '2019-11-01', end: '2019-11-03' }); // alla helgons dag, Sat
  });

  it('runs from Friday into Monday morning when the occasion is a Sunday', () => {
    expect(riskWeekendOf('2023-12-31')).toEqual({ start: '2023-12-29', end: '2024-01-01' });
  });

  it('covers the occasion day and the night after it when the occasion is Monday to Thursday', () => {
    expect(riskWeekendOf('2019-04-30')).toEqual({ start: '2019-04-30', end: '2019-05-01' }); // valborg, Tue
    expect(riskWeekendOf('2019-12-24')).toEqual({ start: '2019-12-24', end: '2019-12-25' }); // julafton, Tue
    expect(riskWeekendOf('2020-04-30')).toEqual({ start: '2020-04-30', end: '2020-05-01' }); // valborg, Thu
  });
});
