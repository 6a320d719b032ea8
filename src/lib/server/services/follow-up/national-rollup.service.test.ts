import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  loadRevisionContent,
  listRevisions
} from '../../db/repositories/agreements/plan.repository';
import {
  focusAreaTitles,
  rollupAgreementRows
} from '../../db/repositories/follow-up/national-rollup.repository';
import { buildNationalDemo } from '../../seed/national/national.service';
import { regionId } from '../accounts/organisation.service';
import { logActivity } from '../logging/activity.service';
import { agreementFollowUp } from './follow-up.service';
import { nationalOverview, type Tally } from './national-rollup.service';

type Sum = { met: number; judged: number };
const add = (map: Map<string, Sum>, key: string, t: Sum) => {
  const s = map.get(key) ?? { met: 0, judged: 0 };
  map.set(key, { met: s.met + t.met, judged: s.judged + t.judged });
};
const plain = (t: Tally) => ({ met: t.met, judged: t.judged });

describe.each(DATABASES)('the national roll-up on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let ids: string[];
  const year = 2026;

  /** Every figure of the overview, computed instead from each agreement's own follow-up. */
  async function fromFollowUps(agreementIds: string[]) {
    const total = { met: 0, judged: 0 };
    const byKind = new Map<string, Sum>();
    const byFocus = new Map<string, Sum>();
    const perAgreement = new Map<string, Sum>();
    for (const id of agreementIds) {
      const f = await agreementFollowUp(ctx, id, {
        period: 'year',
        from: `${year}-01-01`,
        to: `${year}-12-31`
      });
      total.met += f.fulfilment.total.met;
      total.judged += f.fulfilment.total.judged;
      perAgreement.set(id, plain(f.fulfilment.total));
      const titles = new Map((await focusAreaTitles(ctx.db, id)).map((fa) => [fa.id, fa.title]));
      for (const m of f.measures) add(byKind, m.target.kind, m.fulfilment);
      for (const [focusId, t] of Object.entries(f.fulfilment.byFocusArea))
        add(byFocus, titles.get(focusId) ?? focusId, t);
    }
    return { total, byKind, byFocus, perAgreement };
  }

  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    clock.set('2026-09-15T10:00:00Z');
    // Six municipalities in three counties and two police regions, every target kind.
    const r = await buildNationalDemo(ctx, {
      activities: 4000,
      seed: 11,
      codes: ['0114', '0180', '0380', '0381', '2480', '2482'],
      surveyEvery: 0
    });
    ids = r.agreementIds;
  });
  afterAll(() => close());

  it('equals every agreement’s follow-up: nation, per kind, per focus area, per agreement', async () => {
    const o = await nationalOverview(ctx, { kind: 'nation' }, { year });
    const want = await fromFollowUps(ids);
    expect(o.total.agreements).toBe(ids.length);
    expect(plain(o.total.year)).toEqual(want.total);
    expect(o.total.year.judged).toBeGreaterThan(0);
    expect(Object.fromEntries(o.byKind.map((k) => [k.kind, plain(k.year)]))).toEqual(
      Object.fromEntries(want.byKind)
    );
    expect(o.byKind).toHaveLength(7);
    expect(Object.fromEntries(o.byFocusArea.map((f) => [f.focusArea, plain(f.year)]))).toEqual(
      Object.fromEntries(want.byFocus)
    );
    // Regions add up to the nation.
    const regions = o.children.reduce((s, c) => s + c.year.judged, 0);
    expect(regions).toBe(o.total.year.judged);
  });

  it('a region lists its areas and agreements, each equal to its follow-up', async () => {
    const stockholm = regionId('Stockholm');
    const o = await nationalOverview(ctx, { kind: 'area', id: stockholm }, { year });
    expect(o.scope.name).toBe('Polisregion Stockholm');
    expect(o.agreements.length).toBeGreaterThan(0);
    const want = await fromFollowUps(o.agreements.map((a) => a.id));
    for (const a of o.agreements)
      expect(plain(a.year), a.name).toEqual(want.perAgreement.get(a.id));
    expect(o.agreements.every((a) => a.demo && a.name.endsWith('(demo)'))).toBe(true);
    expect(plain(o.total.year)).toEqual(want.total);
  });

  it('follows a new activity at once: only that agreement is computed again', async () => {
    const target = ids[0]!;
    const before = await nationalOverview(ctx, { kind: 'nation' }, { year });
    const stamps = async () =>
      new Map((await rollupAgreementRows(ctx.db, year)).map((r) => [r.id, r.computed_at]));
    const stampsBefore = await stamps();
    const revisions = await listRevisions(ctx.db, target);
    const content = await loadRevisionContent(ctx.db, revisions.at(-1)!.id);
    const measure =
      content.measures.find((m) => m.measure_key === 'trafikkontroller') ?? content.measures[0]!;
    for (let i = 0; i < 40; i++)
      await logActivity(ctx, SYSTEM, { measureId: measure.id, date: '2026-09-01', count: 25 });
    clock.set('2026-09-15T11:00:00Z');
    const after = await nationalOverview(ctx, { kind: 'nation' }, { year });
    const want = await fromFollowUps(ids);
    expect(plain(after.total.year)).toEqual(want.total);
    expect(after.computedAt).not.toBe(before.computedAt);
    const stampsAfter = await stamps();
    for (const id of ids)
      if (id === target) expect(stampsAfter.get(id)).not.toBe(stampsBefore.get(id));
      else expect(stampsAfter.get(id), id).toBe(stampsBefore.get(id));
  });

  it('computes everything again on a new day, and names a bad year', async () => {
    clock.set('2026-09-16T08:00:00Z');
    const o = await nationalOverview(ctx, { kind: 'nation' }, { year });
    expect(o.asOf).toBe('2026-09-16');
    expect(plain(o.total.year)).toEqual((await fromFollowUps(ids)).total);
    await expect(
      nationalOverview(ctx, { kind: 'nation' }, { year: 'i fjol' })
    ).rejects.toMatchObject({ fields: [{ field: 'year' }] });
    await expect(nationalOverview(ctx, { kind: 'area', id: 'nej' }, {})).rejects.toThrow(
      'Polisområdet finns inte.'
    );
  });

  it('does not compute an ended year again because the day changed, only when something changes', async () => {
    clock.set('2027-01-05T08:00:00Z');
    const first = await nationalOverview(ctx, { kind: 'nation' }, { year });
    expect(first.asOf).toBe('2027-01-05');
    clock.set('2027-01-06T08:00:00Z');
    const second = await nationalOverview(ctx, { kind: 'nation' }, { year });
    expect(second.computedAt).toBe(first.computedAt);
    expect(plain(second.total.year)).toEqual((await fromFollowUps(ids)).total);
    // A late entry for the ended year is still followed.
    const revisions = await listRevisions(ctx.db, ids[1]!);
    const content = await loadRevisionContent(ctx.db, revisions.at(-1)!.id);
    await logActivity(ctx, SYSTEM, {
      measureId: content.measures[0]!.id,
      date: '2026-12-20',
      count: 30
    });
    clock.set('2027-01-06T09:00:00Z');
    const third = await nationalOverview(ctx, { kind: 'nation' }, { year });
    expect(third.computedAt).not.toBe(first.computedAt);
    expect(plain(third.total.year)).toEqual((await fromFollowUps(ids)).total);
  });
});
