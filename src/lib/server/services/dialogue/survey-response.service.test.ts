import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { formValues, makeOpenSurvey } from '../../../../../test/support/surveys';
import type { SurveyQuestion } from '../../../core/survey';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { surveyForStaff } from './survey-builder.service';
import {
  enterPaperResponse,
  generateCodes,
  submitResponse,
  SUBMISSIONS_PER_HOUR
} from './survey-response.service';
import { textAnswers } from './survey-text.service';
import { listOpenSurveys } from './survey.service';

const web = { address: '192.0.2.10' };

describe.each(DATABASES)('answering a survey anonymously on $kind', ({ kind }) => {
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  let editor: Actor;
  let survey: { id: string; questions: SurveyQuestion[] };
  beforeAll(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    survey = await makeOpenSurvey(ctx, editor);
  });
  afterAll(() => close());

  const counted = async (id = survey.id) => (await surveyForStaff(ctx, editor, id)).responses;

  it('lists the open survey for the municipality’s public page', async () => {
    const open = await listOpenSurveys(ctx, 'kommun-2417');
    expect(open).toContainEqual(
      expect.objectContaining({ id: survey.id, href: `/enkat/${survey.id}`, demo: false })
    );
  });

  it('counts an answer and stores no address or client hash with it', async () => {
    const before = (await counted()).counted;
    const r = await submitResponse(
      ctx,
      survey.id,
      formValues(survey.questions, { omrade: 'kusfors', 'problem-inbrott': 'litet' }),
      web
    );
    expect(r).toEqual({ stored: true, duplicate: false });
    expect((await counted()).counted).toBe(before + 1);
    const row = await ctx.db.selectFrom('survey_responses').selectAll().executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual([
      'age_option_id',
      'answer_set_hash',
      'area_option_id',
      'demo',
      'duplicate',
      'entered_by',
      'id',
      'source',
      'submitted_at',
      'survey_id'
    ]);
    expect(JSON.stringify(row)).not.toContain(web.address);
  });

  it('flags the same answers again within ten minutes and counts them after', async () => {
    const values = formValues(survey.questions, { omrade: 'bastutrask', tryggare: 'Mer ljus' });
    expect((await submitResponse(ctx, survey.id, values, web)).duplicate).toBe(false);
    expect((await submitResponse(ctx, survey.id, values, web)).duplicate).toBe(true);
    expect((await counted()).duplicates).toBe(1);
    clock.advance(11 * 60_000);
    expect((await submitResponse(ctx, survey.id, values, web)).duplicate).toBe(false);
  });

  it('stores nothing when the honeypot is filled', async () => {
    const before = await counted();
    const values = { ...formValues(survey.questions, { omrade: 'kusfors' }), webbplats: ['x'] };
    expect(await submitResponse(ctx, survey.id, values, web)).toEqual({
      stored: false,
      duplicate: false
    });
    expect(await counted()).toEqual(before);
  });

  it('ignores an answer to a question whose condition is not met', async () => {
    const values = formValues(survey.questions, {
      undviker: 'nej',
      'undviker-var': 'Busstationen',
      'problem-skadegorelse': 'mycket-stort'
    });
    await submitResponse(ctx, survey.id, values, { address: '192.0.2.77' });
    const texts = await ctx.db
      .selectFrom('survey_answers')
      .select('text')
      .where('text', '=', 'Busstationen')
      .execute();
    expect(texts).toEqual([]);
  });

  it('refuses answers from one connection beyond the hourly limit', async () => {
    const address = { address: '198.51.100.5' };
    for (let i = 0; i < SUBMISSIONS_PER_HOUR; i++)
      await submitResponse(
        ctx,
        survey.id,
        formValues(survey.questions, { tryggare: `Svar ${i}` }),
        address
      );
    await expect(
      submitResponse(ctx, survey.id, formValues(survey.questions, { tryggare: 'en till' }), address)
    ).rejects.toThrow(/Försök igen om en timme/);
    clock.advance(61 * 60_000);
  });

  it('masks personal data for an analyst in another organisation, not for the owner', async () => {
    const text =
      'Ring mig på 070-123 45 67 eller skriv till anna@exempel.se, jag är 811228-9874. Knark säljs vid skolan.';
    await submitResponse(ctx, survey.id, formValues(survey.questions, { tryggare: text }), {
      address: '203.0.113.9'
    });
    const analyst = (await makeUser(ctx, 'viewer', 'lpo-skelleftea')).actor;
    const seen = (await textAnswers(ctx, analyst, survey.id)).answers.find((a) =>
      a.text.includes('Knark')
    );
    expect(seen?.text).toBe(
      'Ring mig på [telefonnummer] eller skriv till [e-post], jag är [personnummer]. Knark säljs vid skolan.'
    );
    expect(seen?.masked).toBe(true);
    const own = (await textAnswers(ctx, editor, survey.id)).answers.find((a) =>
      a.text.includes('Knark')
    );
    expect(own?.text).toBe(text);
    expect(own?.personalData).toEqual(['personnummer', 'telefonnummer', 'e-postadress']);
    expect(own?.themes.map((t) => [t.label, t.status])).toEqual(
      expect.arrayContaining([['Narkotika', 'suggested']])
    );
  });

  it('takes a one-time code once and refuses it the second time', async () => {
    const coded = await makeOpenSurvey(ctx, editor, { requiresCode: true, title: 'Med koder' });
    const [code] = await generateCodes(ctx, editor, coded.id, { count: '3' });
    const values = (t: string) => ({
      ...formValues(coded.questions, { tryggare: t }),
      kod: [code!.toLowerCase()]
    });
    expect((await submitResponse(ctx, coded.id, values('Ett'), web)).stored).toBe(true);
    const again = await submitResponse(ctx, coded.id, values('Två'), web).catch((e) => e);
    expect(again).toBeInstanceOf(ValidationError);
    expect((again as ValidationError).fields[0]?.field).toBe('kod');
    expect((await surveyForStaff(ctx, editor, coded.id)).codes).toEqual({ made: 3, used: 1 });
    await expect(generateCodes(ctx, editor, coded.id, { count: '0' })).rejects.toThrow(/minst 1/);
  });

  it('lets staff enter a paper answer, marked as paper, and refuses outsiders', async () => {
    const reporter = (await makeUser(ctx, 'reporter', 'kommun-2417')).actor;
    const before = (await counted()).paper;
    await enterPaperResponse(
      ctx,
      reporter,
      survey.id,
      formValues(survey.questions, { omrade: 'kusfors' })
    );
    expect((await counted()).paper).toBe(before + 1);
    const outsider = (await makeUser(ctx, 'editor', 'kommun-0180')).actor;
    await expect(
      enterPaperResponse(
        ctx,
        outsider,
        survey.id,
        formValues(survey.questions, { omrade: 'kusfors' })
      )
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses answers when the survey is closed', async () => {
    clock.set('2027-01-02T10:00:00Z');
    await expect(
      submitResponse(ctx, survey.id, formValues(survey.questions, { omrade: 'kusfors' }), web)
    ).rejects.toThrow(/tar inte emot svar/);
    clock.set('2026-11-27T12:00:00Z');
  });
});
