import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { measureForEditing } from '$lib/server/services/agreements/measure-edit.service';
import { removeMeasure, updateMeasure } from '$lib/server/services/agreements/plan.service';
import { withAction, withLoad } from '$lib/server/http';
import { measureFromForm } from '$lib/server/measure-form';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx, actor }) => measureForEditing(ctx, actor, params.measureId), {
    signIn: true
  });

export const actions: Actions = {
  save: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await updateMeasure(ctx, actor, params.measureId, measureFromForm(form));
      redirect(303, `/avtal/${params.id}?sparad=1`);
    }),
  remove: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await removeMeasure(ctx, actor, params.measureId, { reason: form.get('reason') ?? '' });
      redirect(303, `/avtal/${params.id}/plan?borttagen=1`);
    })
};
