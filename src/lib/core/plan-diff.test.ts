import { describe, expect, it } from 'vitest';
import { diffPlans, type PlanMeasure } from './plan-diff';

const measure = (key: string, over: Partial<PlanMeasure> = {}): PlanMeasure => ({
  key,
  title: key,
  description: '',
  group: 'Trafikkontroller',
  targetText: 'Minst 10 kontroller per månad',
  responsible: 'Polisen',
  parties: ['Polisen'],
  visibility: 'public',
  changeReason: null,
  ...over
});

describe('diffPlans', () => {
  it('finds nothing between identical revisions, even when parties are listed in another order', () => {
    const a = [measure('a', { parties: ['Polisen', 'Kommunen'] })];
    const b = [measure('a', { parties: ['Kommunen', 'Polisen'] })];
    expect(diffPlans(a, b)).toEqual([]);
  });

  it('reports a changed target with before, after and the reason given', () => {
    const changes = diffPlans(
      [measure('trafik')],
      [
        measure('trafik', {
          targetText: 'Minst 12 kontroller per månad',
          changeReason: 'Fler olyckor 2019'
        })
      ]
    );
    expect(changes).toEqual([
      {
        kind: 'changed',
        key: 'trafik',
        title: 'trafik',
        fields: [
          {
            field: 'targetText',
            before: 'Minst 10 kontroller per månad',
            after: 'Minst 12 kontroller per månad'
          }
        ],
        reason: 'Fler olyckor 2019'
      }
    ]);
  });

  it('reports added measures with their reason and removed ones with the reason recorded for the removal', () => {
    const changes = diffPlans(
      [measure('a'), measure('b')],
      [measure('a'), measure('c', { changeReason: 'Nytt från dialogen' })],
      [{ key: 'b', title: 'b', reason: 'Genomfört' }]
    );
    expect(changes).toEqual([
      { kind: 'added', key: 'c', title: 'c', reason: 'Nytt från dialogen' },
      { kind: 'removed', key: 'b', title: 'b', reason: 'Genomfört' }
    ]);
  });
});
