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
  CLASS_CODE_FIELD,
  createClassCode,
  enterPaperResponse,
  generateCodes,
  redactAnswer,
  REDACTED,
  submitResponse,
  surveyAdmission,
  surveyForm,
  SUBMISSIONS_PER_HOUR,
  TOKEN_FIELD,
  type RawAnswers
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

  it('counts the same answers from one address again only after ten minutes when no form token is sent', async () => {
    const values = formValues(survey.questions, { omrade: 'bastutrask', tryggare: 'Mer ljus' });
    expect((await submitResponse(ctx, survey.id, values, web)).duplicate).toBe(false);
    const before = (await counted()).counted;
    expect(await submitResponse(ctx, survey.id, values, web)).toEqual({
      stored: false,
      duplicate: true
    });
    expect((await counted()).counted).toBe(before);
    expect((await surveyAdmission(ctx, editor, survey.id))?.refusals).toContainEqual(
      expect.objectContaining({ reason: 'repeated', count: 1 })
    );
    clock.advance(11 * 60_000);
    expect((await submitResponse(ctx, survey.id, values, web)).duplicate).toBe(false);
  });

  it('counts a form sent twice (same token) once, and another form with the same answers again', async () => {
    const values = formValues(survey.questions, { omrade: 'kusfors', tryggare: 'Fler vuxna ute' });
    const first = { ...values, [TOKEN_FIELD]: [(await surveyForm(ctx, null, survey.id)).token] };
    const before = (await counted()).counted;
    expect((await submitResponse(ctx, survey.id, first, web)).stored).toBe(true);
    expect(await submitResponse(ctx, survey.id, first, web)).toEqual({
      stored: false,
      duplicate: true
    });
    const second = { ...values, [TOKEN_FIELD]: [(await surveyForm(ctx, null, survey.id)).token] };
    expect((await submitResponse(ctx, survey.id, second, web)).stored).toBe(true);
    expect((await counted()).counted).toBe(before + 2);
    expect((await surveyAdmission(ctx, editor, survey.id))?.refusals).toContainEqual(
      expect.objectContaining({ reason: 'resubmitted', count: 1 })
    );
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

describe.each(DATABASES)(
  'who gets an answer in, and removing personal data, on $kind',
  ({ kind }) => {
    let ctx: Ctx;
    let close: () => Promise<void>;
    let editor: Actor;
    let survey: { id: string; questions: SurveyQuestion[] };
    beforeAll(async () => {
      ({ ctx, close } = await openTestContext(kind));
      editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
      survey = await makeOpenSurvey(ctx, editor, { title: 'Elevenkät' });
    });
    afterAll(() => close());

    const counted = async (id: string) => (await surveyForStaff(ctx, editor, id)).responses.counted;
    /** What a browser sends: the form's own token and the answers. */
    const fromForm = async (
      target: { id: string; questions: SurveyQuestion[] },
      answers: Record<string, string>,
      extra: RawAnswers = {}
    ) => ({
      ...formValues(target.questions, answers),
      [TOKEN_FIELD]: [(await surveyForm(ctx, null, target.id)).token],
      ...extra
    });
    const refusals = async (id: string) =>
      Object.fromEntries(
        ((await surveyAdmission(ctx, editor, id))?.refusals ?? []).map((r) => [r.reason, r.count])
      );

    it('counts 200 answers from one school address with a class code, and refuses the 201st with a reason', async () => {
      const own = await makeOpenSurvey(ctx, editor, { title: 'Klassenkät' });
      const { code } = await createClassCode(ctx, editor, own.id, {
        label: 'Åk 8 Norsjöskolan',
        capacity: '200'
      });
      const school = { address: '198.51.100.200' };
      for (let i = 0; i < 200; i++) {
        const r = await submitResponse(
          ctx,
          own.id,
          await fromForm(own, { omrade: 'kusfors' }, { [CLASS_CODE_FIELD]: [code.toLowerCase()] }),
          school
        );
        expect(r.stored).toBe(true);
      }
      expect(await counted(own.id)).toBe(200);
      const full = await submitResponse(
        ctx,
        own.id,
        await fromForm(own, { omrade: 'kusfors' }, { [CLASS_CODE_FIELD]: [code] }),
        school
      ).catch((e) => e);
      expect(full).toBeInstanceOf(ValidationError);
      expect((full as ValidationError).fields[0]).toMatchObject({ field: CLASS_CODE_FIELD });
      const seen = await surveyAdmission(ctx, editor, own.id);
      expect(seen?.classCodes).toEqual([
        expect.objectContaining({ label: 'Åk 8 Norsjöskolan', capacity: 200, used: 200 })
      ]);
      expect(seen?.refusals).toEqual([
        expect.objectContaining({
          reason: 'class-code-full',
          count: 1,
          label: expect.stringMatching(/Klasskodens platser/)
        })
      ]);
      expect(await counted(own.id)).toBe(200);
    });

    it('refuses an unknown class code as a field error, counting nothing', async () => {
      const r = await submitResponse(
        ctx,
        survey.id,
        await fromForm(survey, { omrade: 'kusfors' }, { [CLASS_CODE_FIELD]: ['ZZZZ-ZZZZ'] }),
        web
      ).catch((e) => e);
      expect(r).toBeInstanceOf(ValidationError);
      expect((r as ValidationError).fields[0]).toMatchObject({
        field: CLASS_CODE_FIELD,
        message: expect.stringMatching(/Klasskoden finns inte/)
      });
    });

    it('counts 60 different people with identical short answers, from one school or from 60 homes', async () => {
      const own = await makeOpenSurvey(ctx, editor, { title: 'Kort enkät' });
      const { code } = await createClassCode(ctx, editor, own.id, { label: '9A', capacity: '60' });
      for (let i = 0; i < 60; i++)
        await submitResponse(
          ctx,
          own.id,
          await fromForm(own, { 'problem-inbrott': 'litet' }, { [CLASS_CODE_FIELD]: [code] }),
          { address: '203.0.113.60' }
        );
      expect(await counted(own.id)).toBe(60);
      for (let i = 0; i < 60; i++)
        await submitResponse(
          ctx,
          own.id,
          formValues(own.questions, { 'problem-inbrott': 'litet' }),
          {
            address: `192.0.2.${i + 100}`
          }
        );
      expect(await counted(own.id)).toBe(120);
      expect(await refusals(own.id)).toEqual({});
    });

    it('holds the per-address limit when 60 answers arrive at once, and tells the owner why', async () => {
      const own = await makeOpenSurvey(ctx, editor, { title: 'Samtidiga svar' });
      const address = { address: '198.51.100.60' };
      const forms = await Promise.all(
        Array.from({ length: 60 }, (_, i) => fromForm(own, { tryggare: `Svar ${i}` }))
      );
      const results = await Promise.allSettled(
        forms.map((f) => submitResponse(ctx, own.id, f, address))
      );
      const stored = results.filter((r) => r.status === 'fulfilled' && r.value.stored);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(stored).toHaveLength(SUBMISSIONS_PER_HOUR);
      expect(refused).toHaveLength(60 - SUBMISSIONS_PER_HOUR);
      for (const r of refused)
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ValidationError);
      expect(await counted(own.id)).toBe(SUBMISSIONS_PER_HOUR);
      expect(await refusals(own.id)).toEqual({ 'address-limit': 60 - SUBMISSIONS_PER_HOUR });
    });

    it('counts a filled honeypot as a refusal and shows refusals only to the owner', async () => {
      const own = await makeOpenSurvey(ctx, editor, { title: 'Robotenkät' });
      await submitResponse(
        ctx,
        own.id,
        await fromForm(own, { omrade: 'kusfors' }, { webbplats: ['http://spam'] }),
        web
      );
      expect(await refusals(own.id)).toEqual({ honeypot: 1 });
      const analyst = (await makeUser(ctx, 'viewer', 'lpo-skelleftea')).actor;
      expect(await surveyAdmission(ctx, analyst, own.id)).toBeNull();
      expect(await surveyAdmission(ctx, null, own.id)).toBeNull();
    });

    it('lets only the owner make class codes, with Swedish errors naming the field', async () => {
      const outsider = (await makeUser(ctx, 'editor', 'kommun-0180')).actor;
      await expect(
        createClassCode(ctx, outsider, survey.id, { label: '8B', capacity: '30' })
      ).rejects.toBeInstanceOf(ForbiddenError);
      const bad = await createClassCode(ctx, editor, survey.id, {
        label: ' ',
        capacity: 'x'
      }).catch((e) => e);
      expect(bad).toBeInstanceOf(ValidationError);
      expect((bad as ValidationError).fields.map((f) => f.field).sort()).toEqual([
        'capacity',
        'label'
      ]);
    });

    it('removes personal data from an answer for good and audits it without the text', async () => {
      const text =
        'Jag heter kalle andersson, mejla kalle at gmail dot com. Det är mörkt vid macken.';
      await submitResponse(ctx, survey.id, await fromForm(survey, { tryggare: text }), {
        address: '192.0.2.99'
      });
      const answer = (await textAnswers(ctx, editor, survey.id)).answers.find(
        (a) => a.text === text
      );
      expect(answer).toBeDefined();
      const r = await redactAnswer(ctx, editor, survey.id, { answerId: answer!.id, mode: 'mask' });
      expect(r.text).toBe('Jag heter [namn], mejla [e-post]. Det är mörkt vid macken.');
      const row = await ctx.db
        .selectFrom('survey_answers')
        .selectAll()
        .where('id', '=', answer!.id)
        .executeTakeFirstOrThrow();
      expect(row.text).toBe(r.text);
      expect(row.text_masked).toBe(r.text);
      const everything = JSON.stringify(
        await ctx.db.selectFrom('survey_answers').selectAll().execute()
      );
      expect(everything).not.toContain('kalle');
      const audit = await ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'survey.redact')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entity: 'survey_answer', entity_id: answer!.id });
      expect(JSON.stringify(audit)).not.toContain('kalle');
      expect(JSON.parse(audit[0]!.after_json!)).toEqual({ surveyId: survey.id, mode: 'mask' });

      await redactAnswer(ctx, editor, survey.id, { answerId: answer!.id, mode: 'remove' });
      const after = (await textAnswers(ctx, editor, survey.id)).answers.find(
        (a) => a.id === answer!.id
      );
      expect(after?.text).toBe(REDACTED);
    });

    it('refuses redaction by others and explains bad input by field', async () => {
      const analyst = (await makeUser(ctx, 'viewer', 'lpo-skelleftea')).actor;
      await expect(
        redactAnswer(ctx, analyst, survey.id, { answerId: 'x', mode: 'remove' })
      ).rejects.toBeInstanceOf(ForbiddenError);
      const bad = await redactAnswer(ctx, editor, survey.id, { answerId: '', mode: 'all' }).catch(
        (e) => e
      );
      expect((bad as ValidationError).fields.map((f) => f.field).sort()).toEqual([
        'answerId',
        'mode'
      ]);
      const missing = await redactAnswer(ctx, editor, survey.id, {
        answerId: 'no-such-answer',
        mode: 'remove'
      }).catch((e) => e);
      expect((missing as ValidationError).fields[0]?.field).toBe('answerId');
    });
  }
);
