import type { LayoutServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { surveyAskers } from '$lib/server/services/dialogue/survey-askers.service';

// Who is asking, for the form and its thank-you page alike.
export const load: LayoutServerLoad = (event) =>
  withLoad(event, async ({ params, ctx }) => ({ askers: await surveyAskers(ctx, params.id) }));
