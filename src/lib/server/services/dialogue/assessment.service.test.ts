import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import { addCitation, citationBoard } from './assessment-citations.service';
import { youSaidWeDo } from './assessment-public.service';
import {
  approveAssessment,
  getAssessment,
  saveAssessment,
  setFocusLinks
} from './assessment.service';
import { importBraStatistics } from './crime-statistics.service';
import { saveDialogue } from './dialogue.service';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { findNorsjoAgreementId } from '../../seed/norsjo.service';
import { evidenceSources, type ThemeOption } from './theme-frame';

describe.each(DATABASES)('the joint situational picture on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let agreementId: string;
  let police: Awaited<ReturnType<typeof makeUser>>['actor'];
  let municipality: Awaited<ReturnType<typeof makeUser>>['actor'];
  let narkotika: ThemeOption;
  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    agreementId = (await findNorsjoAgreementId(ctx))!;
    const themes = await evidenceSources.themes(ctx, {
      municipalityId: 'kommun-2417',
      agreementId
    });
    narkotika = themes.find((t) => t.key === 'narkotika')!;
    const trafik = themes.find((t) => t.key === 'trafik')!;
    police = (await makeUser(ctx, 'editor', 'lpo-skelleftea', 'Polis Redaktör')).actor;
    municipality = (await makeUser(ctx, 'editor', 'kommun-2417', 'Kommun Redaktör')).actor;
    await importBraStatistics(ctx, SYSTEM, {
      name: 'bra.csv',
      bytes: new Uint8Array(readFileSync('test/fixtures/bra-anmalda-brott-kommun.csv'))
    });
    await saveDialogue(ctx, municipality, agreementId, {
      kind: 'open_meeting',
      title: 'Öppet möte',
      heldOn: '2018-10-02',
      inputs: [
        { text: 'Narkotika säljs vid skolan, ring Anna på 070-123 45 67.', themeId: narkotika.id },
        { text: 'Ungdomar röker på bakgården.', themeId: narkotika.id },
        { text: 'Det körs för fort.', themeId: trafik.id }
      ]
    });
  });
  afterAll(() => close());

  it('ranks the themes by their evidence and says why', async () => {
    await saveAssessment(ctx, municipality, agreementId, {
      title: 'Lägesbild 2018',
      fromYear: 2015,
      toYear: 2018
    });
    const { assessment } = await getAssessment(ctx, police, agreementId);
    expect(assessment?.ranking.slice(0, 2).map((r) => [r.label, r.score])).toEqual([
      ['Narkotika', 40],
      ['Trafik', 12.5]
    ]);
    expect(assessment?.ranking[0]?.parts.find((p) => p.source === 'input')?.reason).toBe(
      '2 synpunkter från möten och medarbetardialoger (flest för ett tema: 2).'
    );
  });

  it('is approved only when the police’s editor and the municipality’s editor have both approved, each in the audit trail', async () => {
    const v = (await getAssessment(ctx, police, agreementId)).assessment!.version;
    expect(await approveAssessment(ctx, police, agreementId, v)).toEqual({
      side: 'police',
      approved: false
    });
    expect((await getAssessment(ctx, police, agreementId)).assessment?.approvals.approved).toBe(
      false
    );
    await expect(approveAssessment(ctx, police, agreementId, v)).rejects.toBeInstanceOf(
      ForbiddenError
    );
    clock.advance(60_000);
    expect(await approveAssessment(ctx, municipality, agreementId, v)).toEqual({
      side: 'municipality',
      approved: true
    });
    const got = (await getAssessment(ctx, police, agreementId)).assessment!;
    expect(got.approvals).toMatchObject({
      approved: true,
      police: { name: 'Polis Redaktör' },
      municipality: { name: 'Kommun Redaktör' }
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'organisation_id', 'after_json'])
      .where('action', '=', 'assessment.approve')
      .orderBy('seq')
      .execute();
    expect(
      audit.map((a) => [a.actor_id, a.organisation_id, JSON.parse(a.after_json!).side])
    ).toEqual([
      [police.userId, 'lpo-skelleftea', 'police'],
      [municipality.userId, 'kommun-2417', 'municipality']
    ]);
  });

  it('never lets one person approve for both sides, nor an admin without membership', async () => {
    const both = await makeUser(ctx, 'editor', 'lpo-skelleftea');
    const { setRole } = await import('../accounts/user.service');
    await setRole(ctx, SYSTEM, { email: both.email, organisation: 'kommun-2417', role: 'editor' });
    const { actorFor } = await import('../accounts/auth.service');
    const actor = (await actorFor(ctx, both.id))!;
    await saveAssessment(ctx, actor, agreementId, {
      title: 'Lägesbild 2018',
      fromYear: 2015,
      toYear: 2018
    });
    const v = (await getAssessment(ctx, actor, agreementId)).assessment!.version;
    await approveAssessment(ctx, actor, agreementId, v);
    await expect(approveAssessment(ctx, actor, agreementId, v)).rejects.toBeInstanceOf(
      ForbiddenError
    );
    const admin = (await makeUser(ctx, 'admin', 'kommun-0180')).actor;
    await expect(approveAssessment(ctx, admin, agreementId, v)).rejects.toBeInstanceOf(
      ForbiddenError
    );
  });

  it('resets the approvals when the picture is edited after an approval', async () => {
    await saveAssessment(ctx, police, agreementId, {
      title: 'Lägesbild 2018',
      summary: 'Ny text.',
      fromYear: 2015,
      toYear: 2018
    });
    const got = (await getAssessment(ctx, police, agreementId)).assessment!;
    expect(got.approvals).toMatchObject({ approved: false, police: null, municipality: null });
    expect(got.approvals.earlier).toBeGreaterThan(0);
    await expect(approveAssessment(ctx, police, agreementId, got.version - 1)).rejects.toThrow(
      /har ändrats/
    );
  });

  it('links themes to focus areas and lets measures cite input, shown masked on "Ni sa – vi gör" once approved', async () => {
    const view = await getAssessment(ctx, police, agreementId);
    const focus = view.focusAreas.find((f) => f.title === 'Insatser mot narkotika')!;
    await setFocusLinks(ctx, police, agreementId, [
      { themeId: narkotika.id, focusAreaId: focus.id }
    ]);
    const board = await citationBoard(ctx, police, agreementId);
    const input = board.inputs.find((i) => i.text.startsWith('Narkotika'))!;
    await addCitation(ctx, police, agreementId, {
      measureKey: 'rattegangsbalken',
      source: `input:${input.id}`
    });
    await expect(
      addCitation(ctx, police, agreementId, {
        measureKey: 'finns-inte',
        source: `input:${input.id}`
      })
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await youSaidWeDo(ctx, '2417')).answers).toEqual([]);
    const v = view.assessment!.version;
    await approveAssessment(ctx, police, agreementId, v);
    await approveAssessment(ctx, municipality, agreementId, v);
    const page = await youSaidWeDo(ctx, '2417');
    const theme = page.answers[0]!.themes.find((t) => t.label === 'Narkotika')!;
    expect(theme.said[0]).not.toContain('070-123');
    expect(theme.said[0]).not.toContain('Anna');
    expect(theme.focusAreas).toEqual(['Insatser mot narkotika']);
    expect(theme.measures.find((m) => m.cited)).toBeTruthy();
  });
});
