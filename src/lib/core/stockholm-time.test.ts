import { describe, expect, it } from 'vitest';
import { nextStockholmWeekly, startOfStockholmWeek, stockholmInstant } from './stockholm-time';

describe('Swedish time', () => {
  it('turns a Swedish day and hour into the instant, in winter and in summer', () => {
    expect(stockholmInstant('2026-11-30', 7).toISOString()).toBe('2026-11-30T06:00:00.000Z');
    expect(stockholmInstant('2026-06-01', 7).toISOString()).toBe('2026-06-01T05:00:00.000Z');
    expect(stockholmInstant('2026-03-30', 0).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('starts the week on Monday at midnight in Sweden', () => {
    expect(startOfStockholmWeek(new Date('2026-11-27T10:00:00Z')).toISOString()).toBe(
      '2026-11-22T23:00:00.000Z'
    );
    // Sunday 23:30 UTC is already Monday in Sweden.
    expect(startOfStockholmWeek(new Date('2026-12-20T23:30:00Z')).toISOString()).toBe(
      '2026-12-20T23:00:00.000Z'
    );
  });

  it('finds the next weekly time, a week on when this week’s has passed', () => {
    const friday = new Date('2026-11-27T10:00:00Z');
    expect(nextStockholmWeekly(friday, 1, 7).toISOString()).toBe('2026-11-30T06:00:00.000Z');
    expect(nextStockholmWeekly(friday, 5, 9).toISOString()).toBe('2026-12-04T08:00:00.000Z');
    expect(nextStockholmWeekly(friday, 5, 14).toISOString()).toBe('2026-11-27T13:00:00.000Z');
  });
});
