import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { listAgreements } from '$lib/server/services/agreements/agreement.service';
import { createSurvey, listSurveys } from '$lib/server/services/dialogue/survey.service';
import { staffLoad } from './staff';

export const load: PageServerLoad = ({ params, url, locals }) =>
  staffLoad(url, locals.actor, async (ctx, actor) => {
    const list = await listSurveys(ctx, actor, params.code);
    // Drafts only for staff of an organisation they name (never every draft's id and title).
    const agreements = await listAgreements(ctx, { municipalityId: list.municipality.id }, actor);
    return { ...list, agreements: agreements.map((a) => ({ id: a.id, title: a.title })) };
  });

export const actions: Actions = {
  default: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    let id: string;
    try {
      ({ id } = await createSurvey(ctx, locals.actor, params.code, Object.fromEntries(form)));
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/kommuner/${params.code}/enkater/${id}`);
  }
};
