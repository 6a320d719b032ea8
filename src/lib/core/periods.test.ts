import { describe, expect, it } from 'vitest';
import { periods, phaseOf } from './periods';

const AGREEMENT = { start: '2019-01-01', end: '2022-12-31' };

describe('periods', () => {
  it('splits the Norsjö agreement into 48 months, 12 tertials, 4 years or one agreement period', () => {
    expect(periods(AGREEMENT, 'month')).toHaveLength(48);
    expect(periods(AGREEMENT, 'tertial')).toHaveLength(12);
    expect(periods(AGREEMENT, 'year')).toHaveLength(4);
    expect(periods(AGREEMENT, 'agreement')).toEqual([AGREEMENT]);
  });

  it('ends February 2020 on the leap day', () => {
    expect(periods({ start: '2020-01-01', end: '2020-03-31' }, 'month')).toEqual([
      { start: '2020-01-01', end: '2020-01-31' },
      { start: '2020-02-01', end: '2020-02-29' },
      { start: '2020-03-01', end: '2020-03-31' }
    ]);
  });

  it('cuts tertials at the end of April and the end of August', () => {
    expect(periods({ start: '2019-01-01', end: '2019-12-31' }, 'tertial')).toEqual([
      { start: '2019-01-01', end: '2019-04-30' },
      { start: '2019-05-01', end: '2019-08-31' },
      { start: '2019-09-01', end: '2019-12-31' }
    ]);
  });

  it('clips the first and last period to a span that starts and ends mid-period', () => {
    expect(periods({ start: '2019-03-15', end: '2019-09-10' }, 'tertial')).toEqual([
      { start: '2019-03-15', end: '2019-04-30' },
      { start: '2019-05-01', end: '2019-08-31' },
      { start: '2019-09-01', end: '2019-09-10' }
    ]);
    expect(periods({ start: '2019-06-20', end: '2020-01-05' }, 'year')).toEqual([
      { start: '2019-06-20', end: '2019-12-31' },
      { start: '2020-01-01', end: '2020-01-05' }
    ]);
  });

  it('handles a one-day span and returns nothing for a reversed span', () => {
    expect(periods({ start: '2019-05-31', end: '2019-05-31' }, 'month')).toEqual([
      { start: '2019-05-31', end: '2019-05-31' }
    ]);
    expect(periods({ start: '2019-06-01', end: '2019-05-31' }, 'month')).toEqual([]);
  });
});

describe('phaseOf', () => {
  const april = { start: '2019-04-01', end: '2019-04-30' };

  it('calls a period current from its first day through its last day', () => {
    expect(phaseOf(april, '2019-04-01')).toBe('current');
    expect(phaseOf(april, '2019-04-30')).toBe('current');
  });

  it('calls a period closed the day after it ends and upcoming the day before it starts', () => {
    expect(phaseOf(april, '2019-05-01')).toBe('closed');
    expect(phaseOf(april, '2019-03-31')).toBe('upcoming');
  });
});
