import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { formValues, makeOpenSurvey } from '../../../../../test/support/surveys';
import type { SurveyQuestion } from '../../../core/survey';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { submitResponse } from './survey-response.service';
import { publicSurveyResults, publicSurveys } from './survey-results.service';
import { createSurvey, updateSurvey } from './survey.service';

const HEAD = { opensOn: '2026-11-01', closesOn: '2026-12-31', requiresCode: '' };

describe.each(DATABASES)('public survey results on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let editor: Actor;
  let address = 0;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
  });
  afterAll(() => close());

  const answer = (s: { id: string; questions: SurveyQuestion[] }, values: Record<string, string>) =>
    submitResponse(ctx, s.id, formValues(s.questions, values), {
      address: `192.0.2.${++address}`
    });
  const closeSurvey = (id: string, title: string) =>
    updateSurvey(ctx, editor, id, { ...HEAD, title, status: 'closed' });

  it('never shows a draft: its results are as missing as a wrong id, and it is in no list', async () => {
    const { id } = await createSurvey(ctx, editor, '2417', {
      ...HEAD,
      title: 'Utkast till enkät',
      template: 'safety',
      areas: 'Kusfors'
    });
    const missing = await publicSurveyResults(ctx, '2417', crypto.randomUUID()).catch((e) => e);
    const draft = await publicSurveyResults(ctx, '2417', id).catch((e) => e);
    expect(draft.constructor.name).toBe('NotFoundError');
    expect(draft.message).toBe(missing.message);
    const list = await publicSurveys(ctx, '2417');
    expect([...list.open, ...list.closed].map((s) => s.id)).not.toContain(id);
  });

  it('lists an open survey with its form and promises results when it closes', async () => {
    const s = await makeOpenSurvey(ctx, editor, { title: 'Öppen enkät' });
    const list = await publicSurveys(ctx, '2417');
    expect(list.open.find((x) => x.id === s.id)).toEqual({
      id: s.id,
      title: 'Öppen enkät',
      closesOn: '2026-12-31',
      href: `/enkat/${s.id}`,
      demo: false
    });
    expect(list.closed.map((x) => x.id)).not.toContain(s.id);
    expect(await publicSurveyResults(ctx, '2417', s.id)).toMatchObject({
      closed: false,
      closesOn: '2026-12-31',
      form: `/enkat/${s.id}`
    });
    // Another municipality's address does not find it.
    await expect(publicSurveyResults(ctx, '2482', s.id)).rejects.toThrow('Enkäten finns inte.');
  });

  it('shows a closed survey’s aggregates with small groups hidden and no free text', async () => {
    const s = await makeOpenSurvey(ctx, editor, { title: 'Sex svar' });
    const ages = ['16-24', '25-44', '45-64', '65-'];
    for (const [i, omrade] of [
      'kusfors',
      'kusfors',
      'kusfors',
      'kusfors',
      'kusfors',
      'bastutrask'
    ].entries())
      await answer(s, {
        omrade,
        alder: ages[i % 4]!,
        'problem-inbrott': i < 3 ? 'litet' : 'mycket-stort',
        tryggare: `Lampan vid Storgatan ${i} är trasig`
      });
    await closeSurvey(s.id, 'Sex svar');
    const r = await publicSurveyResults(ctx, '2417', s.id);
    if (!r.closed) throw new Error('expected the survey closed');
    expect(r).toMatchObject({ respondents: 6, enough: true, minimum: 5 });
    expect(r.area?.groups.map((g) => [g.label, g.n])).toEqual([['Kusfors', 5]]);
    expect(r.area?.hiddenGroups).toBe(1);
    const area = r.questions.find((q) => q.options.some((o) => o.label === 'Bastuträsk'))!;
    expect(area.options.find((o) => o.label === 'Bastuträsk')).toMatchObject({
      n: null,
      share: null,
      small: true
    });
    expect(area.answered).toBeNull();
    // Every age band has 1–2 answers: none is shown on its own.
    expect(r.age?.groups).toEqual([]);
    expect(r.problemIndex.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toContain('Storgatan');
    expect(r.youSaidWeDo).toBe('/kommuner/2417/ni-sa-vi-gor');

    const list = await publicSurveys(ctx, '2417');
    expect(list.closed.find((x) => x.id === s.id)).toMatchObject({
      respondents: 6,
      href: `/kommuner/2417/enkater/${s.id}/resultat`
    });
    expect(list.open.map((x) => x.id)).not.toContain(s.id);
  });

  it('shows no results per question when fewer than five answered', async () => {
    const s = await makeOpenSurvey(ctx, editor, { title: 'Två svar' });
    await answer(s, { omrade: 'kusfors', alder: '25-44', 'problem-inbrott': 'litet' });
    await answer(s, { omrade: 'kusfors', alder: '25-44', 'problem-inbrott': 'litet' });
    await closeSurvey(s.id, 'Två svar');
    const r = await publicSurveyResults(ctx, '2417', s.id);
    expect(r).toMatchObject({ closed: true, respondents: 2, enough: false, questions: [] });
    if (r.closed) expect(r.problemIndex.items).toEqual([]);
  });
});
