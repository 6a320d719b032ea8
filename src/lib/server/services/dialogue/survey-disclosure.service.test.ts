import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { formValues, makeOpenSurvey } from '../../../../../test/support/surveys';
import type { SurveyQuestion } from '../../../core/survey';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { surveyAnalysis, surveyEvidence } from './survey-analysis.service';
import { submitResponse } from './survey-response.service';
import { textAnswers } from './survey-text.service';

describe.each(DATABASES)('survey results point no one out on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let editor: Actor;
  let viewer: Actor;
  let address = 0;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    viewer = (await makeUser(ctx, 'viewer', 'lpo-skelleftea')).actor;
  });
  afterAll(() => close());

  const answer = (s: { id: string; questions: SurveyQuestion[] }, values: Record<string, string>) =>
    submitResponse(ctx, s.id, formValues(s.questions, values), {
      address: `192.0.2.${++address}`
    });
  const options = async (surveyId: string, key: string) =>
    (await surveyAnalysis(ctx, viewer, surveyId)).questions.find((q) => q.key === key)!;

  it('shows no results per question while a survey has fewer than five respondents', async () => {
    const s = await makeOpenSurvey(ctx, editor, { title: 'Ett svar' });
    await answer(s, {
      omrade: 'kusfors',
      alder: '45-64',
      'problem-inbrott': 'litet',
      tryggare: 'Mörkt vid min brevlåda'
    });
    const a = await surveyAnalysis(ctx, viewer, s.id);
    expect(a.respondents).toEqual({ counted: 1, duplicates: 0 });
    expect(a).toMatchObject({ enough: false, questions: [], area: null, age: null, themes: [] });
    expect(a.problemIndex).toEqual({ items: [], total: null });
    // The owner also sees no tables, but may read (and code) the text; no area beside it.
    expect((await surveyAnalysis(ctx, editor, s.id)).questions).toEqual([]);
    const own = await textAnswers(ctx, editor, s.id);
    expect(own).toMatchObject({ waiting: false, total: 1 });
    expect(own.answers.map((x) => x.text)).toEqual(['Mörkt vid min brevlåda']);
    expect(own.answers[0]).not.toHaveProperty('area');
    // Anyone else waits for five respondents; the number of texts may show.
    expect(await textAnswers(ctx, viewer, s.id)).toMatchObject({
      waiting: true,
      total: 1,
      answers: []
    });
    // The joint picture's counts are unchanged by the rule.
    expect((await surveyEvidence(ctx, s.id)).respondents).toBe(1);
  });

  it('writes an area or age band with 1–4 answers as fewer than five, for everyone', async () => {
    const s = await makeOpenSurvey(ctx, editor, { title: 'Sex svar' });
    const ages = ['16-24', '25-44', '45-64', '65-'];
    for (const [i, omrade] of [
      'kusfors',
      'kusfors',
      'kusfors',
      'kusfors',
      'bastutrask',
      'bastutrask'
    ].entries())
      await answer(s, {
        omrade,
        alder: ages[i % 4]!,
        'problem-inbrott': 'litet',
        tryggare: `Svar ${i}`
      });
    const a = await surveyAnalysis(ctx, viewer, s.id);
    expect(a.enough).toBe(true);
    const area = await options(s.id, 'omrade');
    expect(area.options.map((o) => [o.label, o.n, o.share, o.small])).toEqual([
      ['Norsjö tätort', 0, null, false],
      ['Bastuträsk', null, null, true],
      ['Kusfors', null, null, true]
    ]);
    // With a small cell, no total and no shares: 6 − 0 would give Kusfors + Bastuträsk.
    expect(area.answered).toBeNull();
    expect((await options(s.id, 'alder')).options.filter((o) => o.small)).toHaveLength(4);
    // Other questions show every count, a single answer too.
    const inbrott = await options(s.id, 'problem-inbrott');
    expect(inbrott.answered).toBe(6);
    expect(inbrott.options.find((o) => o.label === 'Litet problem')).toMatchObject({
      n: 6,
      share: 1,
      small: false
    });
    // The owner sees the same tables.
    const owners = (await surveyAnalysis(ctx, editor, s.id)).questions.find(
      (q) => q.key === 'omrade'
    );
    expect(owners?.options.map((o) => o.n)).toEqual([0, null, null]);
    expect((await textAnswers(ctx, viewer, s.id)).answers).toHaveLength(6);

    // Five more in Norsjö tätort: it is shown with its count, Kusfors (4) still is not.
    for (let i = 0; i < 5; i++)
      await answer(s, { omrade: 'norsjo-tatort', alder: ages[i % 4]!, tryggare: `Tätort ${i}` });
    const more = await options(s.id, 'omrade');
    expect(more.options.map((o) => [o.label, o.n, o.small])).toEqual([
      ['Norsjö tätort', 5, false],
      ['Bastuträsk', null, true],
      ['Kusfors', null, true]
    ]);
    expect(more.options.every((o) => o.share === null)).toBe(true);

    // One more in Kusfors and Bastuträsk each makes 5 and 3: Kusfors shown, Bastuträsk not.
    await answer(s, { omrade: 'kusfors', tryggare: 'Kusfors igen' });
    await answer(s, { omrade: 'bastutrask', tryggare: 'Bastu igen' });
    expect((await options(s.id, 'omrade')).options.map((o) => o.n)).toEqual([5, null, 5]);
    const breakdown = (await surveyAnalysis(ctx, viewer, s.id)).area!;
    expect(breakdown.groups.map((g) => [g.label, g.n])).toEqual([
      ['Norsjö tätort', 5],
      ['Kusfors', 5]
    ]);
    expect(breakdown.hiddenGroups).toBe(1);
  });
});
