import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './dates';
import { perDayOracle } from './follow-up-oracle.test-support';
import { DayTotals, walksPerDay } from './follow-up-per-day';
import type { DailyTally, FollowUpContext } from './follow-up-types';
import type { SchoolCalendar } from './school-calendar';
import type { CountTarget, TargetWindow } from './target';

const SPAN = { start: '2023-01-01', end: '2024-12-31' };
const DAYS = daysBetween(SPAN.start, SPAN.end);
const CALENDAR: SchoolCalendar = {
  entries: [
    { period: 'sommarlov', from: '2023-06-14', to: '2023-08-20' },
    { period: 'sommarlov', from: '2024-06-12', to: '2024-08-18' },
    // A corrected entry beside its default: overlapping entries count each day once.
    { period: 'sommarlov', from: '2024-06-10', to: '2024-06-30' },
    { period: 'jullov', from: '2023-12-21', to: '2024-01-07' }
  ]
};

const windows: fc.Arbitrary<TargetWindow | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant({ kind: 'school', period: 'sommarlov', text: 'under sommarlovet' } as const),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
    .map(([from, to]) => ({ kind: 'months', from, to, text: `${from}–${to}` }) as const)
);

const targets: fc.Arbitrary<CountTarget> = fc
  .record({
    count: fc.integer({ min: 1, max: 3 }),
    weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), {
      nil: undefined
    }),
    window: windows
  })
  .map(({ count, weekdays, window }) => ({
    kind: 'count',
    text: 'per dag',
    count,
    per: 'day',
    ...(weekdays ? { weekdays } : {}),
    ...(window ? { window } : {})
  }));

/** A run of one to three pieces with gaps allowed between them, inside SPAN. */
const runs = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 300 }), targets), {
    minLength: 1,
    maxLength: 3
  })
  .map((parts) => {
    const pieces: { start: string; end: string; target: CountTarget }[] = [];
    let day = 0;
    for (const [gap, length, target] of parts) {
      const start = Math.min(day + (pieces.length ? gap : 0), DAYS);
      const end = Math.min(start + length, DAYS);
      pieces.push({ start: addDays(SPAN.start, start), end: addDays(SPAN.start, end), target });
      day = end + 1;
      if (day > DAYS) break;
    }
    return pieces;
  });

const tallies = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: DAYS }),
      count: fc.integer({ min: 1, max: 5 }),
      grade: fc.constantFrom(null, '6', '7')
    }),
    { maxLength: 200 }
  )
  .map((rows) =>
    rows.map((r): DailyTally => ({
      date: addDays(SPAN.start, r.day),
      count: r.count,
      shifts: 0,
      grade: r.grade
    }))
  );

const day = fc.integer({ min: -5, max: DAYS + 5 }).map((n) => addDays(SPAN.start, n));

const ctx = (t: readonly DailyTally[]): FollowUpContext => ({
  tallies: t,
  today: SPAN.end,
  span: SPAN,
  kind: 'month',
  periods: [],
  riskOccasions: undefined,
  quietAfterDays: undefined,
  calendar: CALENDAR
});

describe('per-day count targets walked day by day', () => {
  it('do and owe in any range through any day what a day-by-day scan finds', () => {
    fc.assert(
      fc.property(runs, tallies, day, day, day, (pieces, rows, a, b, through) => {
        const range = a <= b ? { start: a, end: b } : { start: b, end: a };
        const walk = new DayTotals(pieces, rows, ctx(rows));
        const oracle = perDayOracle(pieces, rows, CALENDAR, range, through);
        expect({ done: walk.doneIn(range, through), owed: walk.owedIn(range, through) }).toEqual(
          oracle
        );
      }),
      { numRuns: 300 }
    );
  });

  it('are the only targets walked: not targets per grade, in time or per week', () => {
    const piece = (target: Partial<CountTarget>) => ({
      ...SPAN,
      target: { kind: 'count', text: '', count: 1, per: 'day', ...target } as CountTarget
    });
    expect(walksPerDay([piece({})])).toBe(true);
    expect(walksPerDay([piece({ weekdays: [5, 6] })])).toBe(true);
    expect(walksPerDay([piece({ sum: 'hours' })])).toBe(false);
    expect(walksPerDay([piece({ perUnit: { label: 'årskurs', values: ['6'] } })])).toBe(false);
    expect(walksPerDay([piece({ per: 'week' })])).toBe(false);
  });
});
