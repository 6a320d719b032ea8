import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { measureForEditing } from '$lib/server/services/agreements/measure-edit.service';
import { removeMeasure, updateMeasure } from '$lib/server/services/agreements/plan.service';
import { ForbiddenError, NotFoundError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';
import { measureFromForm } from '$lib/server/measure-form';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  const { ctx } = await getApp();
  try {
    return await measureForEditing(ctx, locals.actor, params.measureId);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ForbiddenError) error(403, e.message);
    throw e;
  }
};

export const actions: Actions = {
  save: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await updateMeasure(ctx, locals.actor, params.measureId, measureFromForm(form));
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${params.id}?sparad=1`);
  },
  remove: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await removeMeasure(ctx, locals.actor, params.measureId, {
        reason: form.get('reason') ?? ''
      });
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${params.id}/plan`);
  }
};
