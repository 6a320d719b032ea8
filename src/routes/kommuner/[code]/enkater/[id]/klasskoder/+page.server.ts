import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { assertSurveyInMunicipality } from '$lib/server/services/dialogue/survey-access';
import { surveyForStaff } from '$lib/server/services/dialogue/survey-builder.service';
import {
  createClassCode,
  surveyAdmission
} from '$lib/server/services/dialogue/survey-response.service';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      await assertSurveyInMunicipality(ctx, params.id, params.code);
      return {
        ...(await surveyForStaff(ctx, actor, params.id)),
        admission: await surveyAdmission(ctx, actor, params.id)
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  // A class code for a teacher: shown once (only its hash is stored), like the one-time codes.
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => ({
      classCode: await createClassCode(ctx, actor, params.id, Object.fromEntries(form))
    }))
};
