import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeDatesOracle,
  anyActiveOracle,
  lastActivityOracle,
  sumCountOracle,
  sumShiftsOracle
} from './follow-up-oracle.test-support';
import * as slow from './dates';
import * as fast from './follow-up-days';
import {
  activeDates,
  anyActive,
  type DailyTally,
  searchDates,
  sumCount,
  sumShifts
} from './follow-up-types';

const day = fc.integer({ min: -800, max: 40_000 }); // 1967 … 2079
const date = day.map((n) => slow.fromDayNumber(n));
const range = fc.tuple(date, date).map(([a, b]) => ({ start: a, end: b }));
/** The same call on both, compared as an answer or as the error it throws. */
const outcome = (f: () => unknown) => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: e instanceof RangeError ? `RangeError ${e.message}` : String(e) };
  }
};

describe('the follow-up’s memoised date helpers equal dates.ts', () => {
  it('on calendar dates, day numbers and ranges (twice, so cached answers are checked too)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), range, (d, k, r) => {
        for (let i = 0; i < 2; i++) {
          expect(fast.toDayNumber(d)).toBe(slow.toDayNumber(d));
          expect(fast.fromDayNumber(slow.toDayNumber(d) + k)).toBe(
            slow.fromDayNumber(slow.toDayNumber(d) + k)
          );
          expect(fast.addDays(d, k)).toBe(slow.addDays(d, k));
          expect(fast.daysBetween(r.start, r.end)).toBe(slow.daysBetween(r.start, r.end));
          expect(fast.rangeDays(r)).toBe(slow.rangeDays(r));
          expect(fast.dateParts(d)).toEqual(slow.dateParts(d));
          expect(fast.weekday(d)).toBe(slow.weekday(d));
          expect(fast.startOfIsoWeek(d)).toBe(slow.startOfIsoWeek(d));
        }
        const short = { start: r.start, end: slow.minDate(r.end, slow.addDays(r.start, 40)) };
        expect(fast.eachDay(short)).toEqual(slow.eachDay(short));
      }),
      { numRuns: 500 }
    );
  });

  it('throw the same RangeError on strings that are not calendar dates', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 })
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
        )
    );
    fc.assert(
      fc.property(junk, (s) => {
        for (let i = 0; i < 2; i++) {
          expect(outcome(() => fast.toDayNumber(s))).toEqual(outcome(() => slow.toDayNumber(s)));
          expect(outcome(() => fast.dateParts(s))).toEqual(outcome(() => slow.dateParts(s)));
          expect(outcome(() => fast.addDays(s, 3))).toEqual(outcome(() => slow.addDays(s, 3)));
        }
      }),
      { numRuns: 500 }
    );
  });
});

describe('range sums and activity look-ups equal the straightforward scans', () => {
  const base = slow.toDayNumber('2023-01-01');
  const tally = fc.record({
    date: fc.integer({ min: 0, max: 800 }).map((n) => slow.fromDayNumber(base + n)),
    count: fc.integer({ min: 0, max: 6 }),
    shifts: fc.integer({ min: 0, max: 3 }),
    grade: fc.constantFrom(null, '6', '7A')
  });
  const near = fc.integer({ min: -30, max: 830 }).map((n) => slow.fromDayNumber(base + n));
  const nearRange = fc.tuple(near, near).map(([a, b]) => ({ start: a, end: b }));

  it('sumCount, sumShifts and anyActive', () => {
    fc.assert(
      fc.property(
        fc.array(tally, { maxLength: 60 }),
        fc.array(nearRange, { minLength: 1, maxLength: 8 }),
        near,
        (tallies: DailyTally[], ranges, today) => {
          const active = activeDates(tallies, today);
          const oracle = activeDatesOracle(tallies, today);
          expect([...active]).toEqual([...oracle].sort());
          for (const r of ranges) {
            expect(sumCount(tallies, r)).toBe(sumCountOracle(tallies, r));
            expect(sumShifts(tallies, r)).toBe(sumShiftsOracle(tallies, r));
            expect(anyActive(active, r)).toBe(anyActiveOracle(oracle, r));
            // The continuous target's "last activity on or before a day", as it now finds it.
            const all = activeDates(tallies, '9999-12-31');
            expect(all[searchDates(all, r.end, true) - 1] ?? null).toBe(
              lastActivityOracle(tallies, r.end)
            );
          }
          expect(sumCount(tallies, null)).toBe(0);
          expect(sumShifts(tallies, null)).toBe(0);
        }
      ),
      { numRuns: 300 }
    );
  });
});
