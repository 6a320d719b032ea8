import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { parseTarget } from '../../../core/target-parser';
import { TARGET_KINDS } from '../../../core/target';
import type { Ctx } from '../../context';
import { agreementFollowUp } from '../../services/follow-up/follow-up.service';
import { listAgreementRows } from '../../db/repositories/agreements/agreement.repository';
import { DEMO_MEASURES, demoAgreementPlans, demoPoliceAreas } from './national-plan';
import { buildNationalDemo } from './national.service';

describe('the national demo plan', () => {
  it('words every measure so it parses to the kind it claims, and covers every target kind', () => {
    for (const m of DEMO_MEASURES) expect(parseTarget(m.targetText).kind, m.key).toBe(m.kind);
    expect(new Set(DEMO_MEASURES.map((m) => m.kind))).toEqual(new Set(TARGET_KINDS));
  });

  it('gives every municipality but Norsjö an agreement of 10–20 measures with every kind, the same for the same seed', () => {
    const plans = demoAgreementPlans(7, { skipCodes: ['2417'] });
    expect(plans).toHaveLength(289);
    for (const p of plans) {
      expect(p.measures.length).toBeGreaterThanOrEqual(10);
      expect(p.measures.length).toBeLessThanOrEqual(20);
      expect(new Set(p.measures.map((m) => m.kind))).toEqual(new Set(TARGET_KINDS));
    }
    expect(demoAgreementPlans(7, { skipCodes: ['2417'] })).toEqual(plans);
    expect(demoAgreementPlans(8, { skipCodes: ['2417'] })).not.toEqual(plans);
    expect(demoPoliceAreas()).toHaveLength(21);
    expect(demoPoliceAreas().every((a) => a.name.endsWith('(demo)'))).toBe(true);
  });
});

describe.each(DATABASES)('loften demo national (small) on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let result: Awaited<ReturnType<typeof buildNationalDemo>>;
  const phases = new Set<string>();
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    result = await buildNationalDemo(
      ctx,
      { activities: 2000, seed: 3, municipalities: 3, surveyEvery: 2, answersPerSurvey: 5 },
      (phase) => phases.add(phase)
    );
  });
  afterAll(() => close());

  it('builds labelled demo agreements under demo police areas, with the activities asked for', async () => {
    expect(result.agreementIds).toHaveLength(3);
    expect(result.activities).toBe(2000);
    expect(result.surveys).toBe(2);
    expect(result.answers).toBe(10);
    expect([...phases]).toEqual(['överenskommelser', 'aktiviteter', 'enkäter']);
    const rows = (await listAgreementRows(ctx.db)).filter((a) =>
      result.agreementIds.includes(a.id)
    );
    for (const a of rows) {
      expect(a.demo).toBe(1);
      expect(a.title).toMatch(/\(demo\)$/);
      expect(a.police_area_id).toMatch(/^demo-lpo-\d\d$/);
      expect(a.status).toBe('signed');
    }
    // The follow-up reads them and says they are demo.
    const f = await agreementFollowUp(ctx, result.agreementIds[0]!, { period: 'year' });
    expect(f.demo).toBe(true);
    expect(f.measures.length).toBeGreaterThanOrEqual(10);
    expect(f.measures.some((m) => m.periods.some((p) => p.done > 0))).toBe(true);
  });

  it('keeps most interval and occasion targets, as a real municipality would, and misses some', async () => {
    const statuses: string[] = [];
    for (const id of result.agreementIds) {
      const f = await agreementFollowUp(ctx, id, { period: 'tertial' });
      for (const m of f.measures)
        if (m.target.kind === 'interval' || m.target.kind === 'occasions')
          statuses.push(...m.periods.map((p) => p.status));
    }
    const met = statuses.filter((s) => s === 'met').length;
    const missed = statuses.filter((s) => s === 'missed').length;
    expect(met).toBeGreaterThan(missed);
    expect(missed).toBeGreaterThan(0);
  });

  it('refuses to build twice in one database, naming the field', async () => {
    await expect(buildNationalDemo(ctx, { activities: 10, seed: 3 })).rejects.toMatchObject({
      fields: [{ field: 'activities', message: expect.stringContaining('finns redan') }]
    });
  });
});
