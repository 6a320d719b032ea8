import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { surveyForStaff } from '$lib/server/services/dialogue/survey-builder.service';
import { generateCodes } from '$lib/server/services/dialogue/survey-response.service';
import { surveyLoad } from '../../staff';

export const load: PageServerLoad = ({ params, url, locals }) =>
  surveyLoad(params, url, locals.actor, (ctx, actor) => surveyForStaff(ctx, actor, params.id));

export const actions: Actions = {
  default: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      // Shown once: only hashes are stored, so the list cannot be fetched again.
      return { codes: await generateCodes(ctx, locals.actor, params.id, Object.fromEntries(form)) };
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
  }
};
