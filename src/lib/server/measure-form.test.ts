import { describe, expect, it } from 'vitest';
import { measureFromForm } from './measure-form';

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};

describe('measureFromForm', () => {
  it('leaves the target to the parser unless the structured editor is switched on', () => {
    expect(
      measureFromForm(
        form({
          title: 'T',
          targetText: 'Polisen ska synas',
          manualKind: 'count',
          manualCount: '3',
          manualPer: 'month'
        })
      )
    ).not.toHaveProperty('target');
  });

  it('builds a hand-set count target that keeps the original words', () => {
    const m = measureFromForm(
      form({
        title: 'T',
        targetText: 'Polisen ska synas',
        manual: 'on',
        manualKind: 'count',
        manualCount: '3',
        manualPer: 'month',
        manualUnit: 'pass'
      })
    );
    expect(m.target).toEqual({
      kind: 'count',
      text: 'Polisen ska synas',
      count: 3,
      per: 'month',
      unit: 'pass'
    });
  });

  it('builds interval, continuous and risk-weekend targets', () => {
    expect(
      measureFromForm(
        form({
          targetText: 'x',
          manual: 'on',
          manualKind: 'interval',
          manualEvery: '4',
          manualIntervalUnit: 'weekend'
        })
      ).target
    ).toEqual({ kind: 'interval', text: 'x', every: 4, unit: 'weekend' });
    expect(
      measureFromForm(
        form({ targetText: 'x', manual: 'on', manualKind: 'continuous', manualQuietDays: '30' })
      ).target
    ).toEqual({ kind: 'continuous', text: 'x', quietAfterDays: 30 });
    expect(
      measureFromForm(form({ targetText: 'x', manual: 'on', manualKind: 'occasions' })).target
    ).toEqual({ kind: 'occasions', text: 'x', occasions: 'risk-weekends' });
  });

  it('names the field when a hand-set number is not a whole number of at least 1', () => {
    expect(() =>
      measureFromForm(
        form({
          targetText: 'x',
          manual: 'on',
          manualKind: 'count',
          manualCount: '0',
          manualPer: 'month'
        })
      )
    ).toThrow(/manualCount: Antalet måste vara minst 1/);
    expect(() =>
      measureFromForm(
        form({
          targetText: 'x',
          manual: 'on',
          manualKind: 'count',
          manualCount: '2',
          manualPer: 'fortnight'
        })
      )
    ).toThrow(/manualPer/);
  });
});
