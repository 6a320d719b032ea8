import { describe, expect, it } from 'vitest';
import type { Target } from './target';
import { isTarget, targetProblems } from './target-guard';
import { parseTarget } from './target-parser';

const VALID: readonly Target[] = [
  {
    kind: 'count',
    text: 'Minst 10 kontroller per månad',
    count: 10,
    per: 'month',
    unit: 'kontroller'
  },
  {
    kind: 'count',
    text: 'x',
    count: 1,
    per: 'year',
    perUnit: { label: 'årskurs', values: ['6', '7'] }
  },
  { kind: 'count', text: 'x', count: 1, per: 'day', weekdays: [5, 6] },
  { kind: 'interval', text: 'Var tredje helg', every: 3, unit: 'weekend' },
  { kind: 'every-shift', text: 'Varje arbetspass' },
  { kind: 'continuous', text: 'Kontinuerligt', quietAfterDays: 90 },
  { kind: 'on-demand', text: 'Vid behov' },
  { kind: 'occasions', text: 'Under riskhelger', occasions: 'risk-weekends' },
  { kind: 'occasions', text: 'Vid valborg', occasions: ['valborg'] },
  { kind: 'unparsed', text: 'Polisen ska synas' }
];

describe('isTarget', () => {
  it.each(VALID.map((t) => [t.kind, t] as const))(
    'accepts a well-formed %s target',
    (_kind, target) => {
      expect(isTarget(target)).toBe(true);
      expect(isTarget(JSON.parse(JSON.stringify(target)))).toBe(true);
    }
  );

  it('accepts everything the parser produces', () => {
    for (const words of [
      'Som minst 1 gång i månaden',
      'Besöka klasserna år 6-9 1 gång per år',
      'alla fredags- och lördagskvällar',
      'under valborg'
    ]) {
      expect(isTarget(parseTarget(words))).toBe(true);
    }
  });

  it.each([
    ['a missing text', { kind: 'on-demand' }],
    ['an unknown kind', { kind: 'sometimes', text: 'x' }],
    ['a zero count', { kind: 'count', text: 'x', count: 0, per: 'month' }],
    ['a fractional count', { kind: 'count', text: 'x', count: 1.5, per: 'month' }],
    ['a fortnight', { kind: 'count', text: 'x', count: 1, per: 'fortnight' }],
    [
      'a range whose top is not above its floor',
      { kind: 'count', text: 'x', count: 2, per: 'year', upTo: 2 }
    ],
    [
      'a window on an unknown holiday',
      {
        kind: 'count',
        text: 'x',
        count: 1,
        per: 'day',
        window: { kind: 'school', period: 'påsk', text: 'x' }
      }
    ],
    [
      'a window in month 13',
      {
        kind: 'interval',
        text: 'x',
        every: 2,
        unit: 'week',
        window: { kind: 'months', from: 5, to: 13, text: 'x' }
      }
    ],
    [
      'a window on an on-demand target',
      { kind: 'on-demand', text: 'x', window: { kind: 'months', from: 5, to: 9, text: 'x' } }
    ],
    ['an unknown reason', { kind: 'unparsed', text: 'x', reason: 'too hard' }],
    ['an empty unit', { kind: 'count', text: 'x', count: 1, per: 'year', unit: '' }],
    [
      'a per-unit without values',
      { kind: 'count', text: 'x', count: 1, per: 'year', perUnit: { label: 'årskurs', values: [] } }
    ],
    ['a weekday 0', { kind: 'count', text: 'x', count: 1, per: 'day', weekdays: [0] }],
    ['an interval in fortnights', { kind: 'interval', text: 'x', every: 1, unit: 'fortnight' }],
    ['a negative quiet limit', { kind: 'continuous', text: 'x', quietAfterDays: -5 }],
    ['an empty occasion list', { kind: 'occasions', text: 'x', occasions: [] }],
    [
      'a misspelt field',
      { kind: 'count', text: 'x', count: 1, per: 'year', perunit: { label: 'a', values: ['1'] } }
    ],
    ['an array', []],
    ['null', null]
  ])('rejects %s', (_what, value) => {
    expect(isTarget(value)).toBe(false);
  });
});

describe('targetProblems', () => {
  it('names the field and what to do, so a hand editor can fix the JSON', () => {
    expect(
      targetProblems({ kind: 'count', text: 'x', count: 0, per: 'fortnight', perunit: 1 })
    ).toEqual([
      { path: 'perunit', message: 'is not a field of a count target; remove it' },
      { path: 'count', message: 'must be a whole number, 1 or more' },
      {
        path: 'per',
        message:
          'must be one of day, week, month, quarter, tertial, half-year, term, school-year, year, period'
      }
    ]);
  });

  it('accepts windows, ranges and reasons the parser writes', () => {
    expect(
      targetProblems({
        kind: 'count',
        text: 'Varje fredag under sommarlovet',
        count: 1,
        upTo: 2,
        per: 'day',
        weekdays: [5],
        window: { kind: 'school', period: 'sommarlov', text: 'under sommarlovet' }
      })
    ).toEqual([]);
    expect(
      targetProblems({ kind: 'unparsed', text: '10 timmar per vecka', reason: 'hours' })
    ).toEqual([]);
  });

  it('finds nothing wrong with a valid target', () => {
    expect(
      targetProblems({ kind: 'interval', text: 'Varannan vecka', every: 2, unit: 'week' })
    ).toEqual([]);
  });
});
