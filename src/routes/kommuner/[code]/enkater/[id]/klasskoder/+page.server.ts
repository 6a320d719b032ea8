import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { surveyForStaff } from '$lib/server/services/dialogue/survey-builder.service';
import {
  createClassCode,
  surveyAdmission
} from '$lib/server/services/dialogue/survey-response.service';
import { surveyLoad } from '../../staff';

export const load: PageServerLoad = ({ params, url, locals }) =>
  surveyLoad(params, url, locals.actor, async (ctx, actor) => ({
    ...(await surveyForStaff(ctx, actor, params.id)),
    admission: await surveyAdmission(ctx, actor, params.id)
  }));

export const actions: Actions = {
  // A class code for a teacher: shown once (only its hash is stored), like the one-time codes.
  default: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      return {
        classCode: await createClassCode(ctx, locals.actor, params.id, Object.fromEntries(form))
      };
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
  }
};
