import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import {
  monthCountsOf,
  sharePerTertial,
  shownPeriods,
  tertialsOf,
  type PeriodShare
} from './walk-indicator';
import { fixedWithinDue, OBSERVATION_STATUSES } from './walks';

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2024-01-01', n));

/** An observation as the indicator sees it: a status, maybe a due date, a fixed date when fixed. */
const observationArb = fc
  .record({
    status: fc.constantFrom(...OBSERVATION_STATUSES),
    dueOn: fc.option(day, { nil: null }),
    fixedOn: day
  })
  .map((o) => ({ ...o, fixedOn: o.status === 'åtgärdad' ? o.fixedOn : null }));

const windowArb = fc
  .tuple(day, day)
  .map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));

describe('fixed in time per tertial', () => {
  it('lists whole tertials that touch the window', () => {
    expect(tertialsOf({ start: '2025-03-15', end: '2025-05-02' })).toEqual([
      { start: '2025-01-01', end: '2025-04-30' },
      { start: '2025-05-01', end: '2025-08-31' }
    ]);
    expect(tertialsOf({ start: '2025-05-02', end: '2025-03-15' })).toEqual([]);
  });

  it('counts an observation in the tertial of its due date, by the core rule', () => {
    const list = [
      { status: 'åtgärdad' as const, dueOn: '2025-02-10', fixedOn: '2025-02-01' },
      { status: 'åtgärdad' as const, dueOn: '2025-03-10', fixedOn: '2025-03-20' },
      { status: 'pågår' as const, dueOn: '2025-06-01', fixedOn: null },
      { status: 'åtgärdas inte' as const, dueOn: '2025-06-01', fixedOn: null },
      { status: 'accepterad' as const, dueOn: '2025-12-30', fixedOn: null }
    ];
    const shares = sharePerTertial(monthCountsOf(list, '2025-10-01'), {
      start: '2025-01-01',
      end: '2025-12-31'
    });
    expect(shares.map((s) => [s.key, s.fixedInTime, s.judged, s.share])).toEqual([
      ['2025-T1', 1, 2, 0.5],
      ['2025-T2', 0, 1, 0],
      ['2025-T3', 0, 0, null]
    ]);
    expect(shownPeriods(shares, '2025-10-01').map((s) => s.key)).toEqual([
      '2025-T1',
      '2025-T2',
      '2025-T3'
    ]);
    expect(shownPeriods(shares, '2025-08-01').map((s) => s.key)).toEqual(['2025-T1', '2025-T2']);
  });

  it('gives a period the same figures whatever window it is asked in', () => {
    fc.assert(
      fc.property(
        fc.array(observationArb, { maxLength: 40 }),
        windowArb,
        windowArb,
        day,
        (obs, a, b, today) => {
          const months = monthCountsOf(obs, today);
          const inA = new Map(sharePerTertial(months, a).map((p) => [p.key, p]));
          for (const p of sharePerTertial(months, b)) {
            const q: PeriodShare | undefined = inA.get(p.key);
            if (q) expect(q).toEqual(p);
          }
        }
      )
    );
  });

  it('adds up, over all periods, to the core rule over all observations', () => {
    fc.assert(
      fc.property(fc.array(observationArb, { maxLength: 40 }), day, (obs, today) => {
        const all = sharePerTertial(monthCountsOf(obs, today), {
          start: '2024-01-01',
          end: '2027-12-31'
        });
        const whole = fixedWithinDue(obs, today);
        expect(all.reduce((n, p) => n + p.judged, 0)).toBe(whole.judged);
        expect(all.reduce((n, p) => n + p.fixedInTime, 0)).toBe(whole.fixedInTime);
      })
    );
  });
});
