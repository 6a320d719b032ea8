import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext } from '../../../../../../test/support/databases';
import { makeUser } from '../../../../../../test/support/factories';
import { makeOpenSurvey } from '../../../../../../test/support/surveys';
import type { Ctx } from '../../../context';
import { orderedId } from '../../../context';
import { classCodeHash } from '../../../services/dialogue/survey-response-codes.service';
import { createClassCode } from '../../../services/dialogue/survey-response.service';
import { type ClassAnswer, storeClassAnswer } from './survey-class-answer.repository';

describe.each(DATABASES)('class answers gathered into one statement on $kind', ({ kind }) => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  let survey: { id: string; questions: { id: string }[] };
  let codeHash: string;
  beforeAll(async () => {
    ({ ctx, close } = await openTestContext(kind));
    const editor = (await makeUser(ctx, 'editor', 'kommun-2417')).actor;
    survey = await makeOpenSurvey(ctx, editor, { title: 'Batch' });
    const { code } = await createClassCode(ctx, editor, survey.id, {
      label: 'Åk 6',
      capacity: '30'
    });
    codeHash = classCodeHash(survey.id, code);
  });
  afterAll(() => close());

  const answer = (questionId: string): ClassAnswer => {
    const id = orderedId();
    return {
      surveyId: survey.id,
      tokenHash: orderedId(),
      day: '2026-11-20',
      codeHash,
      response: {
        id,
        survey_id: survey.id,
        source: 'web',
        submitted_at: '2026-11-20T10:00:00.000Z',
        area_option_id: null,
        age_option_id: null,
        answer_set_hash: 'h',
        duplicate: 0,
        entered_by: null,
        demo: 0
      },
      answers: [
        {
          id: orderedId(),
          response_id: id,
          question_id: questionId,
          option_id: null,
          text: 'Bättre belysning',
          text_masked: 'Bättre belysning',
          personal_data: null
        }
      ]
    };
  };

  it('stores the others when the database refuses one answer of the statement', async () => {
    const good = survey.questions[0]!.id;
    const batch = [answer(good), answer('no-such-question'), answer(good)];
    const outcomes = await Promise.all(
      batch.map((a) => storeClassAnswer(ctx.db, a).catch((e: unknown) => e))
    );
    if (kind === 'sqlite') {
      // SQLite stores answers through the shared-commit transaction instead.
      expect(outcomes).toEqual([null, null, null]);
      return;
    }
    expect(outcomes[0]).toEqual({ placeId: expect.any(String), claimed: true });
    expect(outcomes[1]).toBeInstanceOf(Error);
    expect(outcomes[2]).toEqual({ placeId: expect.any(String), claimed: true });
    const stored = await ctx.db
      .selectFrom('survey_responses')
      .select('id')
      .where('survey_id', '=', survey.id)
      .execute();
    expect(stored.map((r) => r.id).sort()).toEqual(
      [batch[0]!.response.id, batch[2]!.response.id].sort()
    );
    const code = await ctx.db
      .selectFrom('survey_class_codes')
      .select('used')
      .where('code_hash', '=', codeHash)
      .executeTakeFirstOrThrow();
    expect(code.used).toBe(2);
  });
});
