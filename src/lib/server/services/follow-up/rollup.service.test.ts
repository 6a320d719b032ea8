import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import { createAgreement } from '../agreements/agreement.service';
import { ensureNorsjoDemo } from '../../seed/demo.service';
import { policeRollup } from './rollup.service';

describe.each(DATABASES)('a police area’s roll-up on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind, { config: { demo: true } }));
    await ensureNorsjoDemo(ctx);
    // Skellefteå's own agreement under the same local police area, signed, with one measure.
    await createAgreement(ctx, SYSTEM, {
      title: 'Skellefteå – medborgarlöfte',
      municipalityIds: ['kommun-2482'],
      policeAreaId: 'lpo-skelleftea',
      status: 'signed',
      periodStart: '2025-01-01',
      periodEnd: '2027-12-31',
      plan: {
        year: 2025,
        groups: [
          {
            title: 'Trygghet',
            measures: [
              {
                key: 'trygghetsvandring',
                title: 'Trygghetsvandring',
                targetText: '2 gånger per år'
              }
            ]
          }
        ]
      }
    });
  });
  afterAll(() => close());

  it('shows every agreement below region Nord side by side with this year’s fulfilment', async () => {
    const r = await policeRollup(ctx, 'polisregion-nord');
    expect(r.area.name).toBe('Polisregion Nord');
    expect(r.children.map((c) => c.name)).toEqual(['Polisområde Västerbotten']);
    expect(r.rows.map((x) => [x.title, x.municipalities, x.policeArea])).toEqual([
      ['Norsjö – medborgarlöften', ['Norsjö'], 'Lokalpolisområde Skellefteå'],
      ['Skellefteå – medborgarlöfte', ['Skellefteå'], 'Lokalpolisområde Skellefteå']
    ]);
    const norsjo = r.rows[0]!;
    expect(norsjo.demo).toBe(true);
    expect(norsjo.year.judged).toBeGreaterThan(0);
    // Skellefteå: one yearly target, nothing logged, 2 × 331/365 rounds down to 1 owed → behind.
    expect(r.rows[1]).toMatchObject({
      demo: false,
      year: { met: 0, judged: 1, share: 0 },
      behind: 1
    });
  });

  it('shows nothing for a region without agreements, and refuses an unknown area', async () => {
    expect((await policeRollup(ctx, 'polisregion-syd')).rows).toEqual([]);
    await expect(policeRollup(ctx, 'kommun-2417')).rejects.toThrow(/Polisområdet finns inte/);
  });
});
