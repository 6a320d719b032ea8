import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { listAgreements } from '$lib/server/services/agreements/agreement.service';
import { publicSurveys } from '$lib/server/services/dialogue/survey-results.service';
import { createSurvey, listSurveys } from '$lib/server/services/dialogue/survey.service';

/**
 * Residents (and anyone without a role) see the open surveys and the closed ones' results; staff
 * see every survey of the municipality and may create one.
 */
export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, ctx, actor }) => {
    if (!actor?.memberships.length)
      return { view: 'public' as const, ...(await publicSurveys(ctx, params.code)) };
    const list = await listSurveys(ctx, actor, params.code);
    // Drafts only for staff of an organisation they name (never every draft's id and title).
    const agreements = await listAgreements(ctx, { municipalityId: list.municipality.id }, actor);
    return {
      view: 'staff' as const,
      ...list,
      agreements: agreements.map((a) => ({ id: a.id, title: a.title }))
    };
  });

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      const { id } = await createSurvey(ctx, actor, params.code, Object.fromEntries(form));
      redirect(303, `/kommuner/${params.code}/enkater/${id}`);
    })
};
