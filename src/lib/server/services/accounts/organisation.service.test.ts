import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import type { Ctx } from '../../context';
import {
  ensureReferenceData,
  listPoliceAreas,
  resolveOrganisation,
  searchMunicipalities
} from './organisation.service';

describe.each(DATABASES)('reference organisations on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
  });
  afterAll(() => close());

  it('holds all 290 municipalities with their codes, Norsjö as 2417', async () => {
    const all = await searchMunicipalities(ctx, '', 400);
    expect(all).toHaveLength(290);
    expect(new Set(all.map((m) => m.code)).size).toBe(290);
    expect((await searchMunicipalities(ctx, 'Norsjö'))[0]).toMatchObject({
      code: '2417',
      name: 'Norsjö'
    });
  });

  it('does not create them twice', async () => {
    expect(await ensureReferenceData(ctx)).toEqual({ created: 0 });
  });

  it('holds the seven police regions and Norsjö’s local police area under region Nord', async () => {
    const areas = await listPoliceAreas(ctx);
    expect(areas.filter((a) => a.level === 'polisregion')).toHaveLength(7);
    const lpo = areas.find((a) => a.id === 'lpo-skelleftea');
    expect(lpo).toMatchObject({ level: 'lokalpolisomrade', parentId: 'polisomrade-vasterbotten' });
    expect(areas.find((a) => a.id === 'polisomrade-vasterbotten')?.parentId).toBe(
      'polisregion-nord'
    );
  });

  it('finds an organisation by id, municipality code or exact name', async () => {
    expect((await resolveOrganisation(ctx, '2417'))?.id).toBe('kommun-2417');
    expect((await resolveOrganisation(ctx, 'Lokalpolisområde Skellefteå'))?.id).toBe(
      'lpo-skelleftea'
    );
    expect((await resolveOrganisation(ctx, 'Hälsocentralen'))?.ownerId).toBe('kommun-2417');
    expect(await resolveOrganisation(ctx, 'Ingenstans')).toBeNull();
  });
});

describe.each(DATABASES)('searching municipalities on $kind', ({ kind }) => {
  it('ignores case and Swedish letters’ dots and rings, and finds codes', async () => {
    const { ctx, close } = await openTestContext(kind, { seed: false });
    try {
      await ensureReferenceData(ctx);
      for (const q of ['NORSJÖ', 'norsjo', 'Norsjö', '2417']) {
        expect((await searchMunicipalities(ctx, q)).map((m) => m.name)).toEqual(['Norsjö']);
      }
      expect((await searchMunicipalities(ctx, 'åre')).map((m) => m.name)).toContain('Åre');
      expect((await searchMunicipalities(ctx, 'SÖDER')).map((m) => m.name)).toEqual(
        expect.arrayContaining(['Södertälje', 'Söderhamn', 'Söderköping'])
      );
      expect(await searchMunicipalities(ctx, '%')).toEqual([]);
    } finally {
      await close();
    }
  });
});
