import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import { valuesByKey } from '../../../core/survey';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { ForbiddenError, ValidationError } from '../shared/errors';
import { addQuestion, removeQuestion, surveyForStaff } from './survey-builder.service';
import { submitResponse } from './survey-response.service';
import { createSurvey, updateSurvey } from './survey.service';

const head = { title: 'Egen enkät', opensOn: '', closesOn: '', requiresCode: '' };

describe.each(DATABASES)('building a survey on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let editor: Actor;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
  });
  afterAll(() => close());

  it('builds an empty survey with a scale and a conditional question, then locks it once answered', async () => {
    const { id } = await createSurvey(ctx, editor, '2417', { ...head, template: 'blank' });
    await expect(updateSurvey(ctx, editor, id, { ...head, status: 'open' })).rejects.toThrow(
      /minst en fråga/
    );
    await addQuestion(ctx, editor, id, {
      kind: 'scale',
      textSv: 'Hur trygg känner du dig?',
      options: 'Mycket trygg | Very safe\nGanska trygg\nOtrygg\nVet ej',
      indexItem: 'on'
    });
    let built = await surveyForStaff(ctx, editor, id);
    const scale = built.questions[0]!;
    expect(scale.options.map((o) => [o.label.sv, o.label.en, o.score])).toEqual([
      ['Mycket trygg', 'Very safe', 0],
      ['Ganska trygg', '', 1],
      ['Otrygg', '', 2],
      ['Vet ej', '', null]
    ]);
    expect(scale.indexItem).toBe(true);
    const unsafe = scale.options[2]!;
    await addQuestion(ctx, editor, id, {
      kind: 'text',
      textSv: 'Var känner du dig otrygg?',
      condition: `${scale.id}:${unsafe.id}`
    });
    built = await surveyForStaff(ctx, editor, id);
    expect(built.questions[1]?.condition).toEqual({ questionId: scale.id, optionId: unsafe.id });

    await updateSurvey(ctx, editor, id, { ...head, status: 'open' });
    await submitResponse(
      ctx,
      id,
      valuesByKey(built.questions, { [scale.key]: 'otrygg', [built.questions[1]!.key]: 'Torget' }),
      { address: '192.0.2.1' }
    );
    const removal = await removeQuestion(ctx, editor, id, scale.id).catch((e) => e);
    expect(removal).toBeInstanceOf(ValidationError);
    expect((await surveyForStaff(ctx, editor, id)).locked).toBe(true);
  });

  it('names the field when a question is incomplete or its condition is wrong', async () => {
    const { id } = await createSurvey(ctx, editor, '2417', { ...head, template: 'blank' });
    const e = await addQuestion(ctx, editor, id, { kind: 'single', textSv: 'Ja eller nej?' }).catch(
      (x) => x
    );
    expect((e as ValidationError).fields.map((f) => f.field)).toEqual(['options']);
    const c = await addQuestion(ctx, editor, id, {
      kind: 'text',
      textSv: 'Varför?',
      condition: 'saknas:saknas'
    }).catch((x) => x);
    expect((c as ValidationError).fields[0]).toMatchObject({ field: 'condition' });
  });

  it('refuses editors of another municipality and dates in the wrong order', async () => {
    const other = (await makeUser(ctx, 'editor', 'kommun-0180')).actor;
    await expect(
      createSurvey(ctx, other, '2417', { ...head, template: 'safety' })
    ).rejects.toBeInstanceOf(ForbiddenError);
    const wrong = await createSurvey(ctx, editor, '2417', {
      ...head,
      template: 'safety',
      opensOn: '2026-12-01',
      closesOn: '2026-11-01'
    }).catch((x) => x);
    expect((wrong as ValidationError).fields[0]?.field).toBe('closesOn');
  });
});
