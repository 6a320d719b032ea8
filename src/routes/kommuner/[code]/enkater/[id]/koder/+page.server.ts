import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { assertSurveyInMunicipality } from '$lib/server/services/dialogue/survey-access';
import { surveyForStaff } from '$lib/server/services/dialogue/survey-builder.service';
import { generateCodes } from '$lib/server/services/dialogue/survey-response.service';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      await assertSurveyInMunicipality(ctx, params.id, params.code);
      return surveyForStaff(ctx, actor, params.id);
    },
    { signIn: true }
  );

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => ({
      // Shown once: only hashes are stored, so the list cannot be fetched again.
      codes: await generateCodes(ctx, actor, params.id, Object.fromEntries(form))
    }))
};
