import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { createAgreement, listAgreements } from './agreement.service';
import {
  acceptAgreement,
  approveAgreement,
  assertAgreementVisible,
  getConsents
} from './agreement-consent.service';
import { getAgreementForActor } from './agreement-view.service';
import { addFocusArea, updateAgreementHead } from './agreement-edit.service';
import { createSurvey } from '../dialogue/survey.service';
import { saveDialogue } from '../dialogue/dialogue.service';
import { createReport } from '../publication/report.service';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { verifyAuditChain } from '../shared/audit.service';

const NORSJO = 'kommun-2417';
const SKELLEFTEA = 'kommun-2482';
const LPO = 'lpo-skelleftea';

const draft = (municipalityIds: string[], policeAreaId: string | null) => ({
  title: 'Trygghet i Norsjö 2027',
  municipalityIds,
  policeAreaId,
  periodStart: '2027-01-01',
  periodEnd: '2028-12-31',
  plan: { year: 2027, groups: [] }
});

describe.each(DATABASES)('who may act in a municipality’s name, on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let norsjo: Actor;
  let norsjo2: Actor;
  let skelleftea: Actor;
  let police: Actor;
  let stockholmPolice: Actor;
  let stockholmAreaId: string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    norsjo = (await makeUser(ctx, 'editor', NORSJO)).actor;
    norsjo2 = (await makeUser(ctx, 'editor', NORSJO)).actor;
    skelleftea = (await makeUser(ctx, 'editor', SKELLEFTEA)).actor;
    police = (await makeUser(ctx, 'editor', LPO)).actor;
    const area = await ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'police_area')
      .where('name', 'like', '%Stockholm%')
      .executeTakeFirstOrThrow();
    stockholmAreaId = area.id;
    stockholmPolice = (await makeUser(ctx, 'editor', stockholmAreaId)).actor;
  });
  afterAll(() => close());

  it('keeps Norsjö’s seeded agreement signed, every party accepted and approved', async () => {
    const id = (await findNorsjoAgreementId(ctx))!;
    const c = await getConsents(ctx, norsjo, id);
    expect(c.status).toBe('signed');
    expect(c.parties.map((p) => p.name).sort()).toEqual(expect.arrayContaining(['Norsjö kommun']));
    expect(c.parties.every((p) => p.accepted && p.approved)).toBe(true);
  });

  it('refuses a signed agreement from a person: it starts as a draft', async () => {
    await expect(
      createAgreement(ctx, skelleftea, { ...draft([SKELLEFTEA, NORSJO], null), status: 'signed' })
    ).rejects.toThrow(/status: En ny överenskommelse är ett utkast/);
  });

  it('a Skellefteå editor who names Norsjö only invites it: Norsjö is no party, and the draft is invisible to others', async () => {
    const { id } = await createAgreement(ctx, skelleftea, draft([NORSJO, SKELLEFTEA], null));
    const c = await getConsents(ctx, skelleftea, id);
    const byName = Object.fromEntries(c.parties.map((p) => [p.name, p]));
    expect(byName['Skellefteå kommun']!.accepted).not.toBeNull();
    expect(byName['Norsjö kommun']!.accepted).toBeNull();
    expect(byName['Norsjö kommun']!.mayAccept).toBe(false);

    // Skellefteå cannot accept nor approve for Norsjö, and its own approval does not sign.
    await expect(
      acceptAgreement(ctx, skelleftea, id, { organisationId: NORSJO })
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await approveAgreement(ctx, skelleftea, id, { version: c.version })).toMatchObject({
      signed: false,
      organisationId: SKELLEFTEA
    });
    await expect(
      approveAgreement(ctx, skelleftea, id, { version: c.version })
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getConsents(ctx, norsjo, id)).status).toBe('draft');

    // Not on Norsjö's lists for anyone but its named organisations' staff.
    const listed = (viewer: Actor | null) =>
      listAgreements(ctx, { municipalityId: NORSJO }, viewer).then((l) => l.map((a) => a.id));
    expect(await listed(null)).not.toContain(id);
    expect(await listed(police)).not.toContain(id);
    expect(await listed(skelleftea)).toContain(id);

    // Norsjö's editor may not edit it until Norsjö has accepted; it can see it to decide.
    expect((await getAgreementForActor(ctx, norsjo, id)).editable).toBe(false);
    // Survey, report and dialogue in Norsjö's name: refused to Skellefteå.
    await expect(
      createSurvey(ctx, skelleftea, '2417', {
        title: 'Trygghet',
        template: 'blank',
        agreementId: id
      })
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createReport(ctx, skelleftea, id, { kind: 'year', year: 2027 })
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers a draft to a non-party exactly as a missing id', async () => {
    const { id } = await createAgreement(ctx, norsjo, draft([NORSJO], LPO));
    const missing = await assertAgreementVisible(ctx, stockholmPolice, 'no-such-id').catch(
      (e) => e
    );
    const hidden = await assertAgreementVisible(ctx, stockholmPolice, id).catch((e) => e);
    expect(hidden).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(hidden.message).toBe(missing.message);
    await expect(getAgreementForActor(ctx, null, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgreementForActor(ctx, stockholmPolice, id)).rejects.toBeInstanceOf(
      NotFoundError
    );
    // The invited police area sees it (to accept), the creator's municipality edits it.
    expect((await getAgreementForActor(ctx, police, id)).editable).toBe(false);
    expect((await getAgreementForActor(ctx, norsjo, id)).editable).toBe(true);
  });

  it('a Stockholm police editor cannot put Norsjö under its police area nor act in Norsjö’s name', async () => {
    const { id } = await createAgreement(ctx, stockholmPolice, draft([NORSJO], stockholmAreaId));
    const c = await getConsents(ctx, stockholmPolice, id);
    await approveAgreement(ctx, stockholmPolice, id, { version: c.version });
    expect((await getConsents(ctx, stockholmPolice, id)).status).toBe('draft');
    await expect(
      saveDialogue(ctx, stockholmPolice, id, {
        kind: 'open_meeting',
        title: 'Möte',
        heldOn: '2026-11-01',
        inputs: []
      })
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      createSurvey(ctx, stockholmPolice, '2417', {
        title: 'Trygghet',
        template: 'blank',
        agreementId: id
      })
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('is signed only when each party’s own editor has approved, both in the audit trail; a head change resets', async () => {
    const { id } = await createAgreement(ctx, norsjo, draft([NORSJO], LPO));
    let c = await getConsents(ctx, police, id);
    expect(c.parties.find((p) => p.organisationId === LPO)?.mayAccept).toBe(true);
    // The police must accept before approving.
    await expect(approveAgreement(ctx, police, id, { version: c.version })).rejects.toThrow(
      /Godkänn först att/
    );
    await acceptAgreement(ctx, police, id, { organisationId: LPO });
    await expect(acceptAgreement(ctx, police, id, { organisationId: LPO })).rejects.toBeInstanceOf(
      ValidationError
    );

    c = await getConsents(ctx, norsjo, id);
    expect(await approveAgreement(ctx, norsjo, id, { version: c.version })).toMatchObject({
      signed: false
    });
    // A change to the head clears Norsjö's approval; an old version is refused.
    await addFocusArea(ctx, norsjo2, id, { title: 'Trafik' });
    await expect(approveAgreement(ctx, police, id, { version: c.version })).rejects.toThrow(
      /har ändrats/
    );
    c = await getConsents(ctx, police, id);
    expect(c.parties.every((p) => !p.approved)).toBe(true);
    expect(await approveAgreement(ctx, police, id, { version: c.version })).toMatchObject({
      signed: false
    });
    // Nor may the head edit set it signed.
    await expect(
      updateAgreementHead(ctx, norsjo, id, {
        title: 'x',
        status: 'signed',
        periodStart: '2027-01-01',
        periodEnd: '2028-12-31',
        signedOn: ''
      })
    ).rejects.toThrow(/status: Ett utkast blir undertecknat/);
    c = await getConsents(ctx, norsjo2, id);
    expect(await approveAgreement(ctx, norsjo2, id, { version: c.version })).toMatchObject({
      signed: true
    });
    const after = await getConsents(ctx, null, id);
    expect(after.status).toBe('signed');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'organisation_id'])
      .where('entity_id', '=', id)
      .where('action', 'in', [
        'agreement.accept',
        'agreement.approve',
        'agreement.sign',
        'agreement.approvals-reset'
      ])
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'agreement.accept', actor_id: police.userId, organisation_id: LPO },
      { action: 'agreement.approve', actor_id: norsjo.userId, organisation_id: NORSJO },
      { action: 'agreement.approvals-reset', actor_id: norsjo2.userId, organisation_id: null },
      { action: 'agreement.approve', actor_id: police.userId, organisation_id: LPO },
      { action: 'agreement.approve', actor_id: norsjo2.userId, organisation_id: NORSJO },
      { action: 'agreement.sign', actor_id: norsjo2.userId, organisation_id: NORSJO }
    ]);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
    // Once signed, the police area may open a survey under Norsjö through the agreement.
    const { id: surveyId } = await createSurvey(ctx, police, '2417', {
      title: 'Trygghet 2027',
      template: 'blank',
      agreementId: id
    });
    expect(surveyId).toBeTruthy();
  });
});
