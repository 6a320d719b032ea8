import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { createAgreement } from './agreement.service';
import { acceptAgreement, approveAgreement } from './agreement-consent.service';
import { publicationPreview } from './agreement-publish.service';
import { ForbiddenError } from '../shared/errors';

const NORSJO = 'kommun-2417';
const LPO = 'lpo-skelleftea';

const measure = (
  key: string,
  title: string,
  visibility: 'public' | 'internal',
  publicationRule: 'public' | 'monthly' | 'internal'
) => ({
  key,
  title,
  description: '',
  targetText: 'Fyra gånger per år',
  responsiblePartyId: null,
  followUpMethod: '',
  partyIds: [],
  focusAreaKeys: [],
  visibility,
  publicationRule
});

describe.each(DATABASES)('the step "Publicera överenskommelsen" on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let norsjo: Actor;
  let police: Actor;
  let reporter: Actor;
  let id: string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    norsjo = (await makeUser(ctx, 'editor', NORSJO)).actor;
    police = (await makeUser(ctx, 'editor', LPO)).actor;
    reporter = (await makeUser(ctx, 'reporter', NORSJO)).actor;
    ({ id } = await createAgreement(ctx, norsjo, {
      title: 'Trygghet i Norsjö 2027',
      municipalityIds: [NORSJO],
      policeAreaId: LPO,
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
      plan: {
        year: 2027,
        groups: [
          {
            title: 'Trafik',
            measures: [
              measure('trafik', 'Trafikkontroller', 'public', 'monthly'),
              measure('kartlagg', 'Kartläggning av nätverk', 'internal', 'internal')
            ]
          }
        ]
      }
    }));
  });
  afterAll(() => close());

  it('says what becomes public and what stays with the parties', async () => {
    const p = await publicationPreview(ctx, norsjo, id);
    expect(p.agreement.published).toBe(false);
    expect(p.publicMeasures).toEqual([{ title: 'Trafikkontroller', rule: 'monthly' }]);
    expect(p.internalMeasures).toEqual(['Kartläggning av nätverk']);
    expect(p.agreement.parties).toEqual(['Norsjö kommun', 'Lokalpolisområde Skellefteå']);
  });

  it('tells the first approver that the agreement waits for the other party', async () => {
    const p = await publicationPreview(ctx, norsjo, id);
    expect(p.approvesFor?.name).toBe('Norsjö kommun');
    expect(p.publishesNow).toBe(false);
    expect(p.waitingFor).toEqual(['Lokalpolisområde Skellefteå']);
  });

  it('tells the last approver that approving publishes, and publishing signs the agreement', async () => {
    const v = (await publicationPreview(ctx, norsjo, id)).version;
    await approveAgreement(ctx, norsjo, id, { version: v });
    await acceptAgreement(ctx, police, id, { organisationId: LPO });
    const last = await publicationPreview(ctx, police, id);
    expect(last).toMatchObject({ publishesNow: true, waitingFor: [] });
    expect(last.approvesFor?.name).toBe('Lokalpolisområde Skellefteå');
    expect(await approveAgreement(ctx, police, id, { version: last.version })).toMatchObject({
      signed: true
    });
    expect((await publicationPreview(ctx, norsjo, id)).agreement.published).toBe(true);
  });

  it('is not shown to a reporter, who cannot publish', async () => {
    await expect(publicationPreview(ctx, reporter, id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
