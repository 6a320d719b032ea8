import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { publicSurveyResults } from '$lib/server/services/dialogue/survey-results.service';

// A public page without JavaScript.
export const csr = false;

/** A survey's results for residents once it has closed; a draft is a 404 like a wrong id. */
export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx }) => publicSurveyResults(ctx, params.code, params.id));
