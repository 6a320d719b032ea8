import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { formValues, makeOpenSurvey } from '../../../../../test/support/surveys';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { surveyAnalysis, surveyEvidence } from './survey-analysis.service';
import { ensureNorsjoDemoSurvey } from '../../seed/survey-demo.service';
import { surveyEvidenceForScope } from './survey-evidence.service';
import { submitResponse } from './survey-response.service';
import { textAnswers } from './survey-text.service';
import { decideTheme, saveTheme, themeFrame } from './theme.service';

describe.each(DATABASES)('analysing a survey on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let editor: Actor;
  let viewer: Actor;
  let surveyId: string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind, { config: { demo: true } }));
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    viewer = (await makeUser(ctx, 'viewer', 'lpo-skelleftea')).actor;
    const s = await makeOpenSurvey(ctx, editor);
    surveyId = s.id;
    const answer = (i: number, values: Record<string, string>) =>
      submitResponse(ctx, s.id, formValues(s.questions, values), { address: `192.0.2.${i}` });
    const kusfors = ['inget', 'litet', 'ganska-stort', 'mycket-stort', 'ingen-uppfattning'];
    for (const [i, step] of kusfors.entries())
      await answer(i, {
        omrade: 'kusfors',
        'problem-inbrott': step,
        tryggare: i < 2 ? `Mopeder kör fort ${i}` : `Mörkt vid skolan ${i}`
      });
    // Different age bands, or the same answers within minutes would be flagged as duplicates.
    for (const [i, alder] of ['16-24', '25-44', '45-64'].entries())
      await answer(10 + i, {
        omrade: 'bastutrask',
        alder,
        'problem-inbrott': 'mycket-stort',
        tryggare: `Bastu ${i}`
      });
  });
  afterAll(() => close());

  it('computes the problem index by hand-computed numbers', async () => {
    const a = await surveyAnalysis(ctx, viewer, surveyId);
    // Scores 0, 1, 2, 3 (Kusfors) and 3, 3, 3 (Bastuträsk); one "Ingen uppfattning" left out:
    // 10 × 15 / (7 × 3) = 7.14… → 7.1. No other item has answers, so the total is the same.
    const inbrott = a.problemIndex.items.find((i) => i.key === 'problem-inbrott');
    expect(inbrott).toMatchObject({ index: 7.1, n: 7, noOpinion: 1 });
    expect(a.problemIndex.total).toBe(7.1);
    expect(a.respondents).toEqual({ counted: 8, duplicates: 0 });
    const q = a.questions.find((x) => x.key === 'problem-inbrott')!;
    expect(q.options.map((o) => o.n)).toEqual([1, 1, 1, 4, 1]);
  });

  it('hides a group of three respondents in the breakdown by area', async () => {
    const a = await surveyAnalysis(ctx, viewer, surveyId);
    expect(a.area?.groups.map((g) => [g.label, g.n])).toEqual([['Kusfors', 5]]);
    // The hidden group's size is no longer given: the area table names Bastuträsk as "fewer
    // than five", so "1 group (3 respondents)" would tell that Bastuträsk has exactly three.
    expect(a.area).toEqual(expect.objectContaining({ hiddenGroups: 1 }));
    expect(a.area).not.toHaveProperty('hiddenRespondents');
    // Kusfors alone: 10 × (0 + 1 + 2 + 3) / (4 × 3) = 5.0
    expect(a.area?.items.find((i) => i.text.includes('inbrott'))?.perGroup[0]?.index).toBe(5);
    // No area is ever named beside a free-text answer, not even Kusfors with five (this used
    // to name areas of five or more; an area beside a text can point its writer out).
    const texts = (await textAnswers(ctx, editor, surveyId)).answers;
    expect(texts).toHaveLength(8);
    expect(texts.every((t) => !('area' in t) && !('age' in t))).toBe(true);
  });

  it('counts confirmed themes per theme and per shown area', async () => {
    const page = await textAnswers(ctx, editor, surveyId);
    const trafik = (
      await themeFrame(ctx, { municipalityId: 'kommun-2417', agreementId: null })
    ).find((t) => t.key === 'trafik')!;
    for (const answer of page.answers.filter((x) => x.text.startsWith('Mopeder')))
      await decideTheme(ctx, editor, surveyId, {
        answerId: answer.id,
        themeId: trafik.id,
        status: 'confirmed'
      });
    const a = await surveyAnalysis(ctx, viewer, surveyId);
    const t = a.themes.find((x) => x.key === 'trafik')!;
    expect(t).toMatchObject({ confirmed: 2, suggested: 0, perArea: [2] });
    expect(a.themes.find((x) => x.key === 'belysning-miljo')).toMatchObject({
      confirmed: 0,
      suggested: 3
    });
    await expect(
      decideTheme(ctx, viewer, surveyId, {
        answerId: page.answers[0]!.id,
        themeId: trafik.id,
        status: 'rejected'
      })
    ).rejects.toThrow(/redaktörer/);
  });

  it('lets the municipality edit its theme frame with keywords', async () => {
    const scope = { municipalityId: 'kommun-2417', agreementId: null };
    await saveTheme(ctx, editor, scope, { label: 'Skoter', keywords: 'skoter*, snöskoter*' });
    const frame = await themeFrame(ctx, scope);
    expect(frame.at(-1)).toMatchObject({ key: 'skoter', keywords: ['skoter*', 'snöskoter*'] });
    await expect(saveTheme(ctx, viewer, scope, { label: 'X y', keywords: '' })).rejects.toThrow(
      /redaktörer/
    );
  });

  it('gives the joint picture counts only, per survey and per scope', async () => {
    const e = await surveyEvidence(ctx, surveyId);
    expect(e.respondents).toBe(8);
    expect(e.problemIndex.total).toBe(7.1);
    expect(e.themes.find((t) => t.key === 'trafik')?.confirmed).toBe(2);
    const scoped = await surveyEvidenceForScope(ctx, {
      municipalityId: 'kommun-2417',
      agreementId: null
    });
    expect(scoped.respondents).toBe(8);
    expect(scoped.themes.find((t) => t.mentions === 2)).toBeDefined();
    // The picture compares themes on 0–100: the burglary item's 7.1 of 10 is 71 there.
    expect(e.problemIndex.scaleMax).toBe(10);
    expect(scoped.themes.map((t) => t.problemIndex)).toContain(71);
  });

  it('seeds Norsjö’s demo survey once, with about 150 deterministic demo answers', async () => {
    const id = (await ensureNorsjoDemoSurvey(ctx))!;
    expect(await ensureNorsjoDemoSurvey(ctx)).toBe(id);
    const a = await surveyAnalysis(ctx, viewer, id);
    expect(a.survey).toMatchObject({ demo: true, status: 'closed' });
    expect(a.respondents.counted).toBe(150);
    // Traffic (mopeds, EPA tractors) is the biggest problem in the demo answers.
    const top = [...a.problemIndex.items].sort((x, y) => (y.index ?? 0) - (x.index ?? 0))[0];
    expect(top?.key).toBe('problem-mopeder-epa');
    expect(a.area?.hiddenGroups).toBeGreaterThanOrEqual(1);
    expect(a.themes.find((t) => t.key === 'trafik')!.confirmed).toBeGreaterThan(5);
    const masked = (await textAnswers(ctx, viewer, id, { page: 1 })).answers;
    expect(masked.every((x) => !x.text.includes('070-123'))).toBe(true);
  });
});
