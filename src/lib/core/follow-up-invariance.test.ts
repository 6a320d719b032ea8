import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './dates';
import { followUp } from './follow-up';
import type { DailyTally, PeriodResult } from './follow-up-types';
import type { PeriodKind } from './periods';
import type { Target } from './target';
import { parseTarget } from './target-parser';

const SPAN = { start: '2019-01-01', end: '2022-12-31' };
const DAYS = daysBetween(SPAN.start, SPAN.end);

const TARGETS: Target[] = [
  parseTarget('Minst 10 kontroller per månad'),
  parseTarget('1 gång per vecka'),
  parseTarget('3 gånger per år'),
  { kind: 'count', text: 'två gånger per tertial', count: 2, per: 'tertial' },
  { kind: 'count', text: 'en gång per kvartal', count: 1, per: 'quarter' },
  {
    kind: 'count',
    text: 'två gånger per månad juli och augusti',
    count: 2,
    per: 'month',
    window: { kind: 'months', from: 7, to: 8, text: 'juli och augusti' }
  },
  parseTarget('Var tredje helg besöka fritidsgården'),
  parseTarget('Kontinuerligt'),
  parseTarget('Under riskhelger'),
  parseTarget('Varje arbetspass'),
  parseTarget('10 timmar per vecka'),
  parseTarget('Minst 20 timmar per tertial')
];

const tallies = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: DAYS }),
      count: fc.integer({ min: 1, max: 4 }),
      shifts: fc.integer({ min: 0, max: 2 }),
      // Logged time in minutes, or none given ("saknar tid").
      minutes: fc.option(fc.integer({ min: 5, max: 600 }), { nil: null })
    }),
    { maxLength: 120 }
  )
  .map((rows) => {
    const byDay = new Map<string, DailyTally>();
    for (const r of rows) {
      const date = addDays(SPAN.start, r.day);
      const t = byDay.get(date) ?? {
        date,
        count: 0,
        shifts: 0,
        grade: null,
        minutes: 0,
        untimed: 0
      };
      byDay.set(date, {
        ...t,
        count: t.count + r.count,
        shifts: t.shifts + r.shifts,
        minutes: (t.minutes ?? 0) + (r.minutes ?? 0),
        untimed: (t.untimed ?? 0) + (r.minutes === null ? r.count : 0)
      });
    }
    return [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  });
const day = fc.integer({ min: 0, max: DAYS }).map((d) => addDays(SPAN.start, d));
const kind = fc.constantFrom<PeriodKind>('month', 'tertial', 'year', 'agreement');
const pick = (r: PeriodResult) => ({
  expected: r.expected,
  done: r.done,
  status: r.status,
  untimed: r.untimed
});

describe('followUp: one truth', () => {
  it('a plan version that changes nothing changes nothing: splitting the timeline anywhere gives the same verdicts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TARGETS),
        tallies,
        day,
        day,
        kind,
        (target, ts, today, cut, period) => {
          fc.pre(cut > SPAN.start);
          const one = followUp({ target, tallies: ts, today, span: SPAN, period });
          const v1 = { start: SPAN.start, end: addDays(cut, -1) };
          const v2 = { start: cut, end: SPAN.end };
          const split = followUp({
            target,
            plan: [
              { ...v1, target },
              { ...v2, target }
            ],
            tallies: ts,
            today,
            span: SPAN,
            period
          });
          // Runs, quiet windows and occasions are judged across the cut; counts add up pro rata.
          if (target.kind === 'count' || target.kind === 'interval' || target.kind === 'continuous')
            expect(split.map(pick)).toEqual(one.map(pick));
          else expect(split.map((r) => r.done)).toEqual(one.map((r) => r.done));
        }
      ),
      { numRuns: 300 }
    );
  });

  it('a period ending before today keeps its verdict whatever happens after it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TARGETS),
        tallies,
        tallies,
        day,
        kind,
        (target, ts, later, today, period) => {
          const before = followUp({ target, tallies: ts, today, span: SPAN, period });
          // Activities after today cannot be logged yet; ones later than a closed period's end must not move it.
          const extra = later.filter((t) => t.date > today);
          const withLater = followUp({
            target,
            tallies: [...ts, ...extra].sort((a, b) => (a.date < b.date ? -1 : 1)),
            today,
            span: SPAN,
            period
          });
          before.forEach((r, i) => {
            if (r.end < today && r.status !== 'upcoming' && target.kind !== 'every-shift')
              expect(pick(withLater[i]!)).toEqual(pick(r));
          });
        }
      ),
      { numRuns: 200 }
    );
  });

  it('never says "I fas" or "uppfyllt" with nothing owed: zero expected is not judged', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TARGETS), tallies, day, kind, (target, ts, today, period) => {
        for (const r of followUp({ target, tallies: ts, today, span: SPAN, period }))
          if (r.expected === 0)
            expect(['not-applicable', 'needs-date', 'upcoming']).toContain(r.status);
      }),
      { numRuns: 200 }
    );
  });

  it('counts "juli och augusti" only in July and August', () => {
    const results = followUp({
      target: TARGETS[5]!,
      tallies: [{ date: '2019-07-10', count: 2, shifts: 0, grade: null }],
      today: '2020-01-01',
      span: SPAN,
      period: 'month'
    });
    expect(results.find((r) => r.start === '2019-06-01')).toMatchObject({
      expected: 0,
      status: 'not-applicable'
    });
    expect(results.find((r) => r.start === '2019-07-01')).toMatchObject({
      expected: 2,
      done: 2,
      status: 'met'
    });
    expect(results.find((r) => r.start === '2019-08-01')).toMatchObject({
      expected: 2,
      done: 0,
      status: 'missed'
    });
  });
});
