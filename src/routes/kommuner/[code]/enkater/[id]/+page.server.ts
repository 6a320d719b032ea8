import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  addQuestion,
  removeQuestion,
  surveyForStaff
} from '$lib/server/services/dialogue/survey-builder.service';
import { assertSurveyInMunicipality } from '$lib/server/services/dialogue/survey-access';
import { surveyAdmission } from '$lib/server/services/dialogue/survey-response.service';
import { updateSurvey } from '$lib/server/services/dialogue/survey.service';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      await assertSurveyInMunicipality(ctx, params.id, params.code);
      return {
        ...(await surveyForStaff(ctx, actor, params.id)),
        // Answers held back, by reason: only the owner sees them.
        admission: await surveyAdmission(ctx, actor, params.id)
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  update: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await updateSurvey(ctx, actor, params.id, Object.fromEntries(form));
        return { done: 'update' };
      },
      { which: 'update' }
    ),
  add: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await addQuestion(ctx, actor, params.id, Object.fromEntries(form));
        return { done: 'add' };
      },
      { which: 'add' }
    ),
  remove: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await removeQuestion(ctx, actor, params.id, String(form.get('questionId') ?? ''));
        return { done: 'remove' };
      },
      { which: 'remove', keep: false }
    )
};
