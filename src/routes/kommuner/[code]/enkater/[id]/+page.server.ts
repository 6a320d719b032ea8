import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import {
  addQuestion,
  removeQuestion,
  surveyForStaff
} from '$lib/server/services/dialogue/survey-builder.service';
import { surveyAdmission } from '$lib/server/services/dialogue/survey-response.service';
import { updateSurvey } from '$lib/server/services/dialogue/survey.service';
import { surveyLoad } from '../staff';

export const load: PageServerLoad = ({ params, url, locals }) =>
  surveyLoad(params, url, locals.actor, async (ctx, actor) => ({
    ...(await surveyForStaff(ctx, actor, params.id)),
    // Answers held back, by reason: only the owner sees them.
    admission: await surveyAdmission(ctx, actor, params.id)
  }));

export const actions: Actions = {
  update: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await updateSurvey(ctx, locals.actor, params.id, Object.fromEntries(form));
      return { done: 'update' };
    } catch (e) {
      return formFailure(e, keptValues(form), 'update');
    }
  },
  add: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await addQuestion(ctx, locals.actor, params.id, Object.fromEntries(form));
      return { done: 'add' };
    } catch (e) {
      return formFailure(e, keptValues(form), 'add');
    }
  },
  remove: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await removeQuestion(ctx, locals.actor, params.id, String(form.get('questionId') ?? ''));
      return { done: 'remove' };
    } catch (e) {
      return formFailure(e, {}, 'remove');
    }
  }
};
