import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  eachDay,
  endOfIsoWeek,
  endOfMonth,
  endOfTertial,
  endOfYear,
  isIsoDate,
  isoWeek,
  isoWeekYear,
  makeDate,
  overlap,
  rangeDays,
  startOfIsoWeek,
  startOfMonth,
  startOfTertial,
  tertialOf,
  weekday
} from './dates';

describe('isIsoDate', () => {
  it('accepts real calendar dates including 29 February in a leap year', () => {
    expect(isIsoDate('2019-01-01')).toBe(true);
    expect(isIsoDate('2020-02-29')).toBe(true);
  });

  it('rejects impossible or badly written dates', () => {
    for (const bad of [
      '2019-02-29',
      '2019-13-01',
      '2019-04-31',
      '2019-1-1',
      '20190101',
      '',
      42,
      null
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2019-01-01', -1)).toBe('2018-12-31');
  });

  it('is not disturbed by the daylight-saving change in late March and October', () => {
    expect(addDays('2019-03-30', 2)).toBe('2019-04-01');
    expect(addDays('2019-10-26', 2)).toBe('2019-10-28');
    expect(daysBetween('2019-03-30', '2019-04-01')).toBe(2);
  });

  it('counts days from the first date to the second', () => {
    expect(daysBetween('2019-01-01', '2019-12-31')).toBe(364);
    expect(daysBetween('2020-01-01', '2020-12-31')).toBe(365);
    expect(daysBetween('2019-01-01', '2023-01-01')).toBe(1461);
    expect(daysBetween('2019-03-10', '2019-03-01')).toBe(-9);
  });

  it('throws a RangeError for a malformed date instead of guessing', () => {
    expect(() => addDays('2019-02-30', 1)).toThrow(RangeError);
  });

  it('normalises overflowing parts when building a date', () => {
    expect(makeDate(2019, 13, 1)).toBe('2020-01-01');
    expect(makeDate(2020, 3, 0)).toBe('2020-02-29');
  });
});

describe('ranges', () => {
  it('counts and lists the days of an inclusive range', () => {
    expect(rangeDays({ start: '2020-02-01', end: '2020-02-29' })).toBe(29);
    expect(rangeDays({ start: '2019-03-02', end: '2019-03-01' })).toBe(0);
    expect(eachDay({ start: '2020-02-28', end: '2020-03-01' })).toEqual([
      '2020-02-28',
      '2020-02-29',
      '2020-03-01'
    ]);
  });

  it('finds the overlap of two ranges or null when they do not meet', () => {
    expect(
      overlap(
        { start: '2019-01-01', end: '2019-01-31' },
        { start: '2019-01-15', end: '2019-02-10' }
      )
    ).toEqual({
      start: '2019-01-15',
      end: '2019-01-31'
    });
    expect(
      overlap(
        { start: '2019-01-01', end: '2019-01-31' },
        { start: '2019-02-01', end: '2019-02-10' }
      )
    ).toBeNull();
  });
});

describe('months, tertials and years', () => {
  it('finds the first and last day of a month, including February in leap years', () => {
    expect(startOfMonth('2019-03-17')).toBe('2019-03-01');
    expect(endOfMonth('2019-02-10')).toBe('2019-02-28');
    expect(endOfMonth('2020-02-10')).toBe('2020-02-29');
    expect(endOfMonth('2019-04-01')).toBe('2019-04-30');
    expect(endOfYear('2019-06-01')).toBe('2019-12-31');
  });

  it('puts january–april in tertial 1, maj–augusti in 2 and september–december in 3', () => {
    expect(tertialOf('2019-01-01')).toBe(1);
    expect(tertialOf('2019-04-30')).toBe(1);
    expect(tertialOf('2019-05-01')).toBe(2);
    expect(tertialOf('2019-08-31')).toBe(2);
    expect(tertialOf('2019-09-01')).toBe(3);
    expect(tertialOf('2019-12-31')).toBe(3);
  });

  it('finds where each tertial starts and ends', () => {
    expect([startOfTertial('2019-03-05'), endOfTertial('2019-03-05')]).toEqual([
      '2019-01-01',
      '2019-04-30'
    ]);
    expect([startOfTertial('2019-08-31'), endOfTertial('2019-08-31')]).toEqual([
      '2019-05-01',
      '2019-08-31'
    ]);
    expect([startOfTertial('2019-09-01'), endOfTertial('2019-09-01')]).toEqual([
      '2019-09-01',
      '2019-12-31'
    ]);
  });
});

describe('weekdays and ISO weeks', () => {
  it('numbers weekdays from Monday 1 to Sunday 7', () => {
    expect(weekday('2019-01-01')).toBe(2); // a Tuesday
    expect(weekday('2019-01-06')).toBe(7); // a Sunday
    expect(weekday('2019-06-21')).toBe(5); // midsommarafton, a Friday
    expect(weekday('1969-12-29')).toBe(1); // before the day-number epoch
  });

  it('finds the Monday and Sunday around a date', () => {
    expect(startOfIsoWeek('2019-01-01')).toBe('2018-12-31');
    expect(endOfIsoWeek('2019-01-01')).toBe('2019-01-06');
  });

  it('gives Swedish week numbers, including weeks that straddle new year', () => {
    expect(isoWeek('2019-03-20')).toBe(12);
    expect([isoWeek('2018-12-31'), isoWeekYear('2018-12-31')]).toEqual([1, 2019]);
    expect([isoWeek('2021-01-03'), isoWeekYear('2021-01-03')]).toEqual([53, 2020]);
    expect([isoWeek('2021-01-04'), isoWeekYear('2021-01-04')]).toEqual([1, 2021]);
  });
});
