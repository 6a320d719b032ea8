import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { SYSTEM, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findOrganisation } from '../../db/repositories/accounts/organisation.repository';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { ensureReferenceData, listPoliceAreas } from './organisation.service';
import { addPoliceArea } from './police-area.service';

/** The fields a refused input names, in order. */
const refusedFields = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fields.map((f) => f.field);
};

describe.each(DATABASES)('adding a local police area on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind, { seed: false }));
    await ensureReferenceData(ctx);
  });
  afterAll(() => close());

  it('puts the area under its region with the county its municipalities share, and audits it', async () => {
    const a = await addPoliceArea(ctx, SYSTEM, {
      region: 'polisregion nord',
      name: 'Lokalpolisområde Umeå',
      municipalities: '2480, 2481'
    });
    expect(a).toEqual({
      id: 'lpo-lokalpolisomrade-umea',
      name: 'Lokalpolisområde Umeå',
      region: 'Nord',
      regionId: 'polisregion-nord',
      municipalities: [
        { code: '2480', name: 'Umeå' },
        { code: '2481', name: 'Lycksele' }
      ]
    });
    expect(await findOrganisation(ctx.db, a.id)).toMatchObject({
      kind: 'police_area',
      level: 'lokalpolisomrade',
      parent_id: 'polisregion-nord',
      county_code: '24'
    });
    expect((await listPoliceAreas(ctx, 100)).map((o) => o.name)).toContain('Lokalpolisområde Umeå');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'police-area.create')
      .execute();
    expect(audit).toEqual([{ action: 'police-area.create', entity_id: a.id }]);
  });

  it('refuses a region that does not exist, naming the seven', async () => {
    const e = await addPoliceArea(ctx, SYSTEM, { region: 'Norr', name: 'LPO Kiruna' }).catch(
      (x: unknown) => x
    );
    expect((e as ValidationError).fields).toEqual([
      {
        field: 'region',
        message:
          'Det finns ingen polisregion "Norr". Välj en av: Stockholm, Mitt, Bergslagen, Öst, Väst, Syd, Nord.'
      }
    ]);
  });

  it('names each wrong field: a missing name, an unknown code, a municipality in another region', async () => {
    expect(await refusedFields(addPoliceArea(ctx, SYSTEM, { region: 'Nord', name: ' ' }))).toEqual([
      'name'
    ]);
    const e = await addPoliceArea(ctx, SYSTEM, {
      region: 'Nord',
      name: 'Lokalpolisområde Kiruna',
      municipalities: ['99', '0180', '2584']
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).fields).toEqual([
      {
        field: 'municipalities',
        message: '99 är ingen kommunkod. Skriv fyrsiffriga koder, till exempel 2480,2482.'
      },
      {
        field: 'municipalities',
        message: 'Stockholm (0180) ligger i Stockholms län, som inte hör till polisregion Nord.'
      }
    ]);
    expect(await findOrganisation(ctx.db, 'lpo-lokalpolisomrade-kiruna')).toBeUndefined();
  });

  it('names every wrong field at once', async () => {
    expect(
      await refusedFields(
        addPoliceArea(ctx, SYSTEM, { region: '', name: 'X', municipalities: '2480,12' })
      )
    ).toEqual(['region', 'name', 'municipalities']);
  });

  it('refuses a name the instance already has, whatever its case, beside the other fields', async () => {
    expect(
      await refusedFields(
        addPoliceArea(ctx, SYSTEM, { region: 'Syd', name: 'LOKALPOLISOMRÅDE UMEÅ' })
      )
    ).toEqual(['name']);
    expect(
      await refusedFields(
        addPoliceArea(ctx, SYSTEM, { region: 'Norr', name: 'Lokalpolisområde Umeå' })
      )
    ).toEqual(['region', 'name']);
  });

  it('lets only an instance admin add one', async () => {
    const editor: Actor = {
      userId: 'u1',
      name: 'Redaktör',
      email: 'r@example.se',
      memberships: [{ organisationId: 'kommun-2480', role: 'editor' }]
    };
    await expect(
      addPoliceArea(ctx, editor, { region: 'Nord', name: 'Lokalpolisområde Skellefteå' })
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
