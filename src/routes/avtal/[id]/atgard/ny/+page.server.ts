import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { newMeasureForm } from '$lib/server/services/agreements/measure-edit.service';
import { addMeasure } from '$lib/server/services/agreements/agreement-edit.service';
import { ForbiddenError, NotFoundError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';
import { measureFromForm } from '$lib/server/measure-form';

const query = z.object({
  ar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!locals.actor)
    redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  const { ctx } = await getApp();
  try {
    return await newMeasureForm(
      ctx,
      locals.actor,
      params.id,
      query.parse(Object.fromEntries(url.searchParams)).ar
    );
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ForbiddenError) error(403, e.message);
    throw e;
  }
};

export const actions: Actions = {
  default: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await addMeasure(ctx, locals.actor, params.id, {
        ...measureFromForm(form),
        year: form.get('year'),
        groupId: String(form.get('groupId') ?? ''),
        newGroupTitle: String(form.get('newGroupTitle') ?? '')
      });
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${params.id}?ar=${form.get('year')}`);
  }
};
