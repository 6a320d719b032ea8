import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { formValues, makeOpenSurvey } from '../../../../../test/support/surveys';
import type { SurveyQuestion } from '../../../core/survey';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { ValidationError } from '../shared/errors';
import { surveyForStaff } from './survey-builder.service';
import {
  CLASS_CODE_FIELD,
  createClassCode,
  submitResponse,
  surveyAdmission,
  surveyForm,
  TOKEN_FIELD
} from './survey-response.service';

// A class's answers (form token + class code): on PostgreSQL one statement takes the place,
// claims the form and stores the answer (survey-class-answer.repository.ts); on SQLite a
// transaction shared with the answers that arrive together. The outcomes must be the same.
describe.each(DATABASES)('a class answering together on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let editor: Actor;
  let survey: { id: string; questions: SurveyQuestion[] };
  const school = { address: '198.51.100.7' };
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    survey = await makeOpenSurvey(ctx, editor, { title: 'Klassenkät' });
  });
  afterAll(() => close());

  const counted = async () => (await surveyForStaff(ctx, editor, survey.id)).responses.counted;
  const admission = async () => (await surveyAdmission(ctx, editor, survey.id))!;
  const used = async (label: string) =>
    (await admission()).classCodes.find((c) => c.label === label)?.used;
  const refused = async (reason: string) =>
    (await admission()).refusals.find((r) => r.reason === reason)?.count ?? 0;
  const newForm = async () => ({
    ...formValues(survey.questions, { omrade: 'kusfors', 'problem-inbrott': 'litet' }),
    [TOKEN_FIELD]: [(await surveyForm(ctx, null, survey.id)).token]
  });
  const code = async (label: string, capacity: number) =>
    (await createClassCode(ctx, editor, survey.id, { label, capacity: String(capacity) })).code;

  it('stores a form sent ten times at the same moment once, and takes one place', async () => {
    const klass = await code('Åk 7A', 30);
    const [before, resubmittedBefore] = [await counted(), await refused('resubmitted')];
    const form = { ...(await newForm()), [CLASS_CODE_FIELD]: [klass] };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submitResponse(ctx, survey.id, form, school))
    );
    expect(results.filter((r) => r.stored)).toHaveLength(1);
    expect(results.filter((r) => !r.stored && r.duplicate)).toHaveLength(9);
    expect(await counted()).toBe(before + 1);
    expect(await used('Åk 7A')).toBe(1);
    expect(await refused('resubmitted')).toBe(resubmittedBefore + 9);
  });

  it('gives the place back when the same form was claimed at the same moment by another request', async () => {
    const klass = await code('Åk 7C', 30);
    const form = { ...(await newForm()), [CLASS_CODE_FIELD]: [klass] };
    const tokenHash = createHash('sha256')
      .update(`${survey.id}:${form[TOKEN_FIELD]![0]}`)
      .digest('hex');
    const before = await counted();
    // Sent beside another form of the class, so on PostgreSQL both go in one statement.
    const classmate = { ...(await newForm()), [CLASS_CODE_FIELD]: [klass] };
    // Another request has claimed the form and not committed yet: this answer does not see the
    // claim, takes a place, then meets the claim when it commits.
    let claimed!: () => void;
    let commit!: () => void;
    const isClaimed = new Promise<void>((r) => (claimed = r));
    const committing = new Promise<void>((r) => (commit = r));
    const other = ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('survey_submissions')
        .values({ survey_id: survey.id, token_hash: tokenHash, day: '2026-01-01' })
        .execute();
      claimed();
      await committing;
    });
    await isClaimed;
    const answers = Promise.all([
      submitResponse(ctx, survey.id, form, school),
      submitResponse(ctx, survey.id, classmate, school)
    ]);
    await new Promise((r) => setTimeout(r, 200));
    commit();
    await other;
    expect(await answers).toEqual([
      { stored: false, duplicate: true },
      { stored: true, duplicate: false }
    ]);
    expect(await counted()).toBe(before + 1);
    expect(await used('Åk 7C')).toBe(1);
  });

  it('counts a stored form sent again once and takes no second place', async () => {
    const klass = await code('Åk 7B', 30);
    const form = { ...(await newForm()), [CLASS_CODE_FIELD]: [klass] };
    const before = await counted();
    expect(await submitResponse(ctx, survey.id, form, school)).toEqual({
      stored: true,
      duplicate: false
    });
    expect(await submitResponse(ctx, survey.id, form, school)).toEqual({
      stored: false,
      duplicate: true
    });
    expect(await counted()).toBe(before + 1);
    expect(await used('Åk 7B')).toBe(1);
  });

  it('keeps a form refused for an unknown or full class code free to send with a good one', async () => {
    const full = await code('Åk 9A', 1);
    const good = await code('Åk 9B', 30);
    await submitResponse(
      ctx,
      survey.id,
      { ...(await newForm()), [CLASS_CODE_FIELD]: [full] },
      school
    );
    const before = await counted();
    const form = await newForm();

    const unknown = await submitResponse(
      ctx,
      survey.id,
      { ...form, [CLASS_CODE_FIELD]: ['QQQQ-QQQQ'] },
      school
    ).catch((e) => e);
    expect(unknown).toBeInstanceOf(ValidationError);
    expect((unknown as ValidationError).fields[0]).toMatchObject({ field: CLASS_CODE_FIELD });
    const fullNow = await submitResponse(
      ctx,
      survey.id,
      { ...form, [CLASS_CODE_FIELD]: [full] },
      school
    ).catch((e) => e);
    expect(fullNow).toBeInstanceOf(ValidationError);
    expect((fullNow as ValidationError).fields[0]).toMatchObject({
      field: CLASS_CODE_FIELD,
      message: expect.stringMatching(/redan använts/)
    });
    expect(await counted()).toBe(before);

    expect(
      await submitResponse(ctx, survey.id, { ...form, [CLASS_CODE_FIELD]: [good] }, school)
    ).toEqual({
      stored: true,
      duplicate: false
    });
    expect(await counted()).toBe(before + 1);
    expect(await used('Åk 9A')).toBe(1);
    expect(await used('Åk 9B')).toBe(1);
  });

  it('gives no class code more places than it has when its class answers at once', async () => {
    const klass = await code('Åk 8C', 5);
    const before = await counted();
    const forms = await Promise.all(Array.from({ length: 12 }, () => newForm()));
    const results = await Promise.all(
      forms.map((f) =>
        submitResponse(ctx, survey.id, { ...f, [CLASS_CODE_FIELD]: [klass] }, school).catch(
          (e) => e
        )
      )
    );
    expect(results.filter((r) => !(r instanceof Error) && r.stored)).toHaveLength(5);
    expect(results.filter((r) => r instanceof ValidationError)).toHaveLength(7);
    expect(await counted()).toBe(before + 5);
    expect(await used('Åk 8C')).toBe(5);
  });
});
