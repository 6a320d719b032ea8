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

  it('builds a hand-set hours target that sums logged time, and names a wrong choice', () => {
    const hours = form({
      targetText: 'Kommunpolisen ska finnas på plats',
      manual: 'on',
      manualKind: 'count',
      manualCount: '10',
      manualPer: 'week',
      manualSum: 'hours'
    });
    expect(measureFromForm(hours).target).toEqual({
      kind: 'count',
      text: 'Kommunpolisen ska finnas på plats',
      count: 10,
      per: 'week',
      sum: 'hours'
    });
    hours.set('manualSum', 'dagar');
    expect(() => measureFromForm(hours)).toThrow(/manualSum: Välj om aktiviteter räknas/);
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

  it('gives a hand-set target a window: a school period or months', () => {
    const summer = measureFromForm(
      form({
        title: 'T',
        targetText: 'Synas på badplatserna',
        manual: 'on',
        manualKind: 'count',
        manualCount: '1',
        manualPer: 'week',
        manualWindow: 'sommarlov'
      })
    );
    expect(summer.target).toEqual({
      kind: 'count',
      text: 'Synas på badplatserna',
      count: 1,
      per: 'week',
      window: { kind: 'school', period: 'sommarlov', text: 'under sommarlovet' }
    });
    const months = measureFromForm(
      form({
        title: 'T',
        targetText: 'x',
        manual: 'on',
        manualKind: 'interval',
        manualEvery: '2',
        manualIntervalUnit: 'weekend',
        manualWindow: 'months',
        manualWindowFrom: '5',
        manualWindowTo: '9'
      })
    );
    expect(months.target).toMatchObject({
      kind: 'interval',
      window: { kind: 'months', from: 5, to: 9, text: 'under maj–september' }
    });
    const allYear = measureFromForm(
      form({
        title: 'T',
        targetText: 'x',
        manual: 'on',
        manualKind: 'count',
        manualCount: '2',
        manualPer: 'term',
        manualWindow: ''
      })
    );
    expect(allYear.target).toEqual({ kind: 'count', text: 'x', count: 2, per: 'term' });
  });

  it('names a window it does not know and a month out of range', () => {
    const base = {
      title: 'T',
      targetText: 'x',
      manual: 'on',
      manualKind: 'count',
      manualCount: '1',
      manualPer: 'week'
    };
    expect(() => measureFromForm(form({ ...base, manualWindow: 'midsommarlov' }))).toThrow(
      /manualWindow/
    );
    expect(() =>
      measureFromForm(
        form({ ...base, manualWindow: 'months', manualWindowFrom: '13', manualWindowTo: '2' })
      )
    ).toThrow(/manualWindowFrom/);
  });

  it('reads the start and optional end day, blank meaning none', () => {
    expect(
      measureFromForm(form({ title: 'T', targetText: 'x', startsOn: '2020-09-01', endsOn: '' }))
    ).toMatchObject({ startsOn: '2020-09-01', endsOn: null });
    expect(measureFromForm(form({ title: 'T', targetText: 'x' }))).toMatchObject({
      startsOn: null,
      endsOn: null
    });
  });

  it('names a start day that does not exist and an end before the start, in Swedish', () => {
    expect(() =>
      measureFromForm(form({ title: 'T', targetText: 'x', startsOn: '2020-02-30' }))
    ).toThrow(/startsOn: 2020-02-30 finns inte i kalendern/);
    expect(() =>
      measureFromForm(
        form({ title: 'T', targetText: 'x', startsOn: '2020-09-01', endsOn: '2020-08-01' })
      )
    ).toThrow(/endsOn: Sista dagen kan inte vara före första dagen/);
  });
});
