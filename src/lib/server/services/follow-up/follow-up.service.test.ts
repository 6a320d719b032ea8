import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestClock } from '../../../../../test/support/databases';
import { openNorsjoDemo } from '../../../../../test/support/factories';
import { addDays, daysBetween, type PeriodKind } from '../../../core';
import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  listRevisions,
  loadRevisionContent
} from '../../db/repositories/agreements/plan.repository';
import { updateMeasure } from '../agreements/plan.service';
import { agreementFollowUp } from './follow-up.service';

type Answer = Awaited<ReturnType<typeof agreementFollowUp>>;
const view = (a: Answer, key: string) =>
  a.measures
    .find((m) => m.key === key)!
    .periods.map((p) => ({
      start: p.start,
      end: p.end,
      expected: p.expected,
      done: p.done,
      status: p.status
    }));

describe.each(DATABASES)('the follow-up of Norsjö on $kind: one truth', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let id: string;
  const asOf = '2022-12-31';
  const full = new Map<PeriodKind, Answer>();
  beforeAll(async () => {
    ({ ctx, clock, close, id } = await openNorsjoDemo(kind));
    for (const period of ['month', 'tertial', 'year'] as const)
      full.set(
        period,
        await agreementFollowUp(ctx, id, { period, asOf }, { includeInternal: true })
      );
  }, 60_000);
  afterAll(() => close());

  const ask = (period: PeriodKind, from: string, to: string) =>
    agreementFollowUp(ctx, id, { period, from, to, asOf }, { includeInternal: true });

  it('night walking 2019: the tertial Sep–Dec asked alone equals that tertial of the whole answer, and the year agrees with its tertials', async () => {
    const alone = await ask('tertial', '2019-09-01', '2019-12-31');
    const whole = view(full.get('tertial')!, 'nattvandring').find((p) => p.start === '2019-09-01');
    expect(view(alone, 'nattvandring')).toEqual([whole]);
    const year = view(await ask('year', '2019-01-01', '2019-12-31'), 'nattvandring')[0]!;
    const tertials = view(full.get('tertial')!, 'nattvandring').filter((p) =>
      p.start.startsWith('2019')
    );
    expect(year.expected).toBe(tertials.reduce((s, p) => s + (p.expected ?? 0), 0));
    expect(year.done).toBe(tertials.reduce((s, p) => s + p.done, 0));
  });

  it('Märk-DNA May 2020 has the same verdict asked alone as in the full range', async () => {
    const alone = view(await ask('month', '2020-05-01', '2020-05-31'), 'mark-dna');
    expect(alone).toEqual(
      view(full.get('month')!, 'mark-dna').filter((p) => p.start === '2020-05-01')
    );
    expect(alone[0]!.status).not.toBe('not-applicable');
  });

  it('Fritidsgårdsbesök January 2020 judges 4 three-weekend runs asked alone (runs started in 2019 count)', async () => {
    const [jan] = view(await ask('month', '2020-01-01', '2020-01-31'), 'fritidsgardsbesok');
    expect(jan!.expected).toBe(4);
    expect(jan).toEqual(
      view(full.get('month')!, 'fritidsgardsbesok').find((p) => p.start === '2020-01-01')
    );
  });

  it('door-knocking 2019–2022 expects 2 + 3 + 3 + 3 = 11: each year its own plan', async () => {
    const whole = await agreementFollowUp(
      ctx,
      id,
      { period: 'agreement', from: '2019-01-01', to: '2022-12-31', asOf },
      { includeInternal: true }
    );
    const knock = view(whole, 'dorrknackning');
    expect(knock).toHaveLength(1);
    expect(knock[0]!.expected).toBe(11);
    expect(
      view(full.get('year')!, 'dorrknackning')
        .slice(0, 4)
        .map((p) => p.expected)
    ).toEqual([2, 3, 3, 3]);
  });

  it('a period is the same whatever range holds it: random sub-ranges of 2019–2022 per month, tertial and year', async () => {
    const days = daysBetween('2019-01-01', '2022-12-31');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: days }),
        fc.integer({ min: 0, max: days }),
        fc.constantFrom<PeriodKind>('month', 'tertial', 'year'),
        async (a, b, period) => {
          const from = addDays('2019-01-01', Math.min(a, b));
          const to = addDays('2019-01-01', Math.max(a, b));
          const part = await ask(period, from, to);
          const whole = full.get(period)!;
          for (const m of part.measures) {
            const periods = view(part, m.key);
            expect(periods.length).toBeGreaterThan(0);
            const same = view(whole, m.key).filter((p) => periods.some((q) => q.start === p.start));
            expect(periods).toEqual(same);
          }
        }
      ),
      { numRuns: kind === 'sqlite' ? 12 : 4 }
    );
  }, 120_000);

  it('revising a target today leaves every closed period of this year as it was, and counts this month pro rata', async () => {
    clock.set('2026-12-03T10:00:00Z');
    const before = await agreementFollowUp(
      ctx,
      id,
      { period: 'month', from: '2026-01-01' },
      { includeInternal: true }
    );
    const beforeT = await agreementFollowUp(
      ctx,
      id,
      { period: 'tertial', from: '2026-01-01' },
      { includeInternal: true }
    );
    const revisions = await listRevisions(ctx.db, id);
    const content = await loadRevisionContent(ctx.db, revisions.at(-1)!.id);
    const traffic = content.measures.find((m) => m.measure_key === 'trafikkontroller')!;
    await updateMeasure(ctx, SYSTEM, traffic.id, {
      title: traffic.title,
      description: traffic.description,
      targetText: 'Minst 12 kontroller per månad',
      responsiblePartyId: traffic.responsible_party_id,
      partyIds: content.parties.filter((p) => p.measure_id === traffic.id).map((p) => p.id),
      focusAreaKeys: content.focusAreas
        .filter((f) => f.measure_id === traffic.id)
        .map((f) => f.focus_area_id),
      followUpMethod: traffic.follow_up_method,
      visibility: traffic.visibility,
      changeReason: 'Fler kontroller efter olyckorna i höst.'
    });
    const after = await agreementFollowUp(
      ctx,
      id,
      { period: 'month', from: '2026-01-01' },
      { includeInternal: true }
    );
    const afterT = await agreementFollowUp(
      ctx,
      id,
      { period: 'tertial', from: '2026-01-01' },
      { includeInternal: true }
    );
    const closed = (a: Answer) => view(a, 'trafikkontroller').filter((p) => p.end < '2026-12-01');
    expect(closed(after)).toEqual(closed(before));
    expect(view(afterT, 'trafikkontroller').slice(0, 2)).toEqual(
      view(beforeT, 'trafikkontroller').slice(0, 2)
    );
    // December: 10 × 2/31 + 12 × 29/31 = 11.87, rounded down to 11 for the whole month.
    const december = await agreementFollowUp(
      ctx,
      id,
      { period: 'month', from: '2026-12-01', asOf: '2027-01-01' },
      { includeInternal: true }
    );
    expect(view(december, 'trafikkontroller')[0]!.expected).toBe(11);
    expect(after.measures.find((m) => m.key === 'trafikkontroller')!.targetDescription).toMatch(
      /12/
    );
  });
});
