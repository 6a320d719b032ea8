import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNorsjoDemo } from '../../../../../test/support/factories';
import { DATABASES } from '../../../../../test/support/databases';
import { SYSTEM, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { getAgreementView } from '../agreements/agreement-view.service';
import { agreementDashboard, fourYears, referenceDay } from './dashboard.service';
import { NotFoundError } from '../shared/errors';
import { agreementFollowUp } from './follow-up.service';
import { measureHistory } from './measure-history.service';
import { updateMeasure } from '../agreements/plan.service';

const editor: Actor = {
  userId: 'test-editor',
  name: 'Redaktör',
  email: 'redaktor@example.se',
  memberships: [{ organisationId: 'kommun-2417', role: 'editor' }]
};

describe('the dashboard’s days', () => {
  const agreement = { start: '2019-01-01', end: '2022-12-31' };
  it('speaks of today inside the agreement, else of its last or first day', () => {
    expect(referenceDay(agreement, '2021-05-03')).toBe('2021-05-03');
    expect(referenceDay(agreement, '2023-01-16')).toBe('2022-12-31');
    expect(referenceDay(agreement, '2018-06-01')).toBe('2019-01-01');
  });
  it('shows the four calendar years up to that day’s, clipped to the agreement', () => {
    expect(fourYears(agreement, '2022-12-31')).toEqual(agreement);
    expect(fourYears(agreement, '2020-03-01')).toEqual({ start: '2019-01-01', end: '2020-12-31' });
    expect(fourYears({ start: '2019-01-01', end: '2026-12-31' }, '2026-11-27')).toEqual({
      start: '2023-01-01',
      end: '2026-12-31'
    });
  });
});

// Demo mode: Norsjö's agreement runs until 2026-12-31 and the test clock says 2026-11-27.
describe.each(DATABASES)('the follow-up dashboard of Norsjö’s demo on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let id: string;
  beforeAll(async () => {
    ({ ctx, close, id } = await openNorsjoDemo(kind));
  });
  afterAll(() => close());

  it('shows every measure with its status this month, this tertial and this year, and says it is demo data', async () => {
    const d = await agreementDashboard(ctx, null, id);
    expect(d.demo).toBe(true);
    expect(d.reference).toBe('2026-11-27');
    expect(d.measures).toHaveLength(14);
    const knock = d.measures.find((m) => m.key === 'dorrknackning')!;
    // Judged per year: not in a month or a tertial; 2 of 3 owed by 27 November, and 2 done.
    expect(knock.month).toMatchObject({ start: '2026-11-01', status: 'not-applicable' });
    expect(knock.tertial).toMatchObject({ start: '2026-09-01', end: '2026-12-31' });
    expect(knock.year).toMatchObject({
      start: '2026-01-01',
      expected: 2,
      done: 2,
      status: 'on-track'
    });
    // The document names no responsible party, only who takes part.
    expect(knock.responsibleParty).toBeNull();
    expect(knock.partyIds).toEqual(['lpo-skelleftea']);
    for (const m of d.measures) {
      expect(m.month?.start).toBe('2026-11-01');
      expect(m.tertial?.start).toBe('2026-09-01');
      expect(m.year?.start).toBe('2026-01-01');
    }
  });

  it('gives every measure a status for each of the 48 months of 2023–2026', async () => {
    const d = await agreementDashboard(ctx, null, id);
    expect(d.span).toEqual({ start: '2023-01-01', end: '2026-12-31' });
    expect(d.months).toHaveLength(48);
    expect([d.months[0], d.months.at(-1)]).toEqual(['2023-01', '2026-12']);
    const traffic = d.measures.find((m) => m.key === 'trafikkontroller')!;
    expect(traffic.months.map((p) => p?.start.slice(0, 7))).toEqual(d.months);
    expect(traffic.months.at(-1)?.status).toBe('upcoming');
    // The public judges monthly-published controls as of the 1st: nothing is owed yet in November,
    // so it is not judged yet (it was 'on-track' with 0 of 0, counted as kept).
    expect(traffic.months.at(-2)).toMatchObject({ expected: 0, status: 'not-applicable' });
    expect(
      traffic.months.slice(0, 46).every((p) => p?.status === 'met' || p?.status === 'missed')
    ).toBe(true);
  });

  it('counts fulfilment per focus area and responsible party as the follow-up does, year by year', async () => {
    const d = await agreementDashboard(ctx, null, id);
    const years = await agreementFollowUp(ctx, id, {
      period: 'year',
      from: '2023-01-01',
      to: '2026-12-31'
    });
    expect(d.fulfilment.total).toEqual(years.fulfilment.total);
    const view = await getAgreementView(ctx, id);
    expect(d.fulfilment.byFocusArea.map((f) => f.name)).toEqual(
      view.focusAreas.map((f) => f.title)
    );
    for (const f of d.fulfilment.byFocusArea)
      expect({ met: f.met, judged: f.judged }).toMatchObject({
        met: years.fulfilment.byFocusArea[f.id]?.met ?? 0,
        judged: years.fulfilment.byFocusArea[f.id]?.judged ?? 0
      });
    // Norsjö's document names no responsible party: one row says so and holds every measure.
    expect(d.fulfilment.byResponsibleParty).toEqual([
      { id: '', name: 'Anges inte i överenskommelsen', ...years.fulfilment.total }
    ]);
    expect(years.fulfilment.byResponsibleParty).toEqual({});
  });

  it('filters by party: only measures the party is responsible for or takes part in', async () => {
    const all = await agreementDashboard(ctx, null, id);
    expect(all.parties.map((p) => p.name)).toContain('Hälsocentralen');
    const d = await agreementDashboard(ctx, null, id, { part: 'norsjo-halsocentralen' });
    expect(d.party).toEqual({ id: 'norsjo-halsocentralen', name: 'Hälsocentralen' });
    expect(d.measures.map((m) => m.key)).toEqual(['samverkan-aktorer']);
    expect(d.fulfilment.byResponsibleParty.map((p) => p.name)).toEqual([
      'Anges inte i överenskommelsen'
    ]);
    expect(d.fulfilment.total.judged).toBeLessThan(all.fulfilment.total.judged);

    const police = await agreementDashboard(ctx, null, id, { part: 'lpo-skelleftea' });
    expect(police.measures.length).toBeGreaterThan(1);
    expect(police.measures.length).toBeLessThan(14);
    for (const m of police.measures)
      expect(
        m.responsibleParty?.id === 'lpo-skelleftea' || m.partyIds.includes('lpo-skelleftea')
      ).toBe(true);
  });

  it('shows every measure, and says so, when asked for a party that takes part in none', async () => {
    const d = await agreementDashboard(ctx, null, id, { part: 'kommun-0180' });
    expect(d.party).toBeNull();
    expect(d.partyUnknown).toBe(true);
    expect(d.measures).toHaveLength(14);
  });

  it('shows a measure’s target over the yearly plans with the reason for the change, its follow-up and its activities', async () => {
    const h = await measureHistory(ctx, editor, id, 'dorrknackning');
    expect(h.history).toEqual([
      expect.objectContaining({ year: 2019, targetText: '2 gånger per år', change: 'first' }),
      expect.objectContaining({
        year: 2020,
        targetText: '3 gånger per år',
        change: 'changed',
        reason:
          'Demo: fler bostadsinbrott i två bostadsområden under 2019, så dörrknackningen utökas.',
        demo: true
      })
    ]);
    expect(h.months).toHaveLength(48);
    expect(h.years.map((p) => p.start.slice(0, 4))).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026'
    ]);
    expect(h.activities.pageSize).toBe(25);
    expect(h.activities.items.length).toBeGreaterThan(0);
    expect(h.activities.items.every((a) => a.demo && a.measureKey === 'dorrknackning')).toBe(true);
    const dates = h.activities.items.map((a) => a.date);
    expect(dates).toEqual([...dates].sort().reverse());

    const traffic = await measureHistory(ctx, editor, id, 'trafikkontroller', { sida: 2 });
    expect(traffic.activities.page).toBe(2);
    expect(traffic.activities.items).toHaveLength(25);
    expect(traffic.activities.total).toBeGreaterThan(50);
    // The public sees only what the publication rules release one by one.
    const outside = await measureHistory(ctx, null, id, 'trafikkontroller');
    expect(outside.activities.total).toBeLessThanOrEqual(traffic.activities.total);
    expect(outside.history).toEqual(traffic.history);
  });

  it('knows no measure by an unknown key', async () => {
    await expect(measureHistory(ctx, null, id, 'finns-inte')).rejects.toBeInstanceOf(NotFoundError);
  });

  // Changes the plan, so it runs last.
  it('shows an internal measure only to the agreement’s own organisations', async () => {
    const view = await getAgreementView(ctx, id, { includeInternal: true });
    const dna = view.revision!.groups.flatMap((g) => g.measures).find((m) => m.key === 'mark-dna')!;
    await updateMeasure(ctx, SYSTEM, dna.id, {
      title: dna.title,
      description: dna.description,
      targetText: dna.target.text,
      responsiblePartyId: dna.responsibleParty?.id,
      partyIds: dna.parties.map((p) => p.id),
      focusAreaKeys: dna.focusAreaIds,
      followUpMethod: dna.followUpMethod,
      visibility: 'internal',
      changeReason: 'Test: bara för parterna.'
    });
    const outside = await agreementDashboard(ctx, null, id);
    expect(outside.measures.map((m) => m.key)).not.toContain('mark-dna');
    const inside = await agreementDashboard(ctx, editor, id);
    expect(inside.editable).toBe(true);
    expect(inside.measures.map((m) => m.key)).toContain('mark-dna');
    // The 2019 plan still lists it publicly, so outsiders see only that year of its history.
    const history = await measureHistory(ctx, null, id, 'mark-dna');
    expect(history.history.map((r) => [r.year, r.change])).toEqual([[2019, 'first']]);
    expect((await measureHistory(ctx, editor, id, 'mark-dna')).history.at(-1)).toMatchObject({
      year: 2020,
      change: 'same',
      reason: 'Test: bara för parterna.'
    });
  });
});
