import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import {
  addCitation,
  citationBoard,
  removeCitation
} from '$lib/server/services/dialogue/assessment-citations.service';
import { ForbiddenError, NotFoundError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { ctx } = await getApp();
  try {
    return await citationBoard(ctx, locals.actor, params.id);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ForbiddenError) error(locals.actor ? 403 : 401, e.message);
    throw e;
  }
};

export const actions: Actions = {
  add: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await addCitation(ctx, locals.actor, params.id, Object.fromEntries(form));
      return { which: 'add', added: true };
    } catch (e) {
      return formFailure(e, keptValues(form), 'add');
    }
  },
  remove: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await removeCitation(ctx, locals.actor, params.id, String(form.get('id') ?? ''));
      return { which: 'remove', removed: true };
    } catch (e) {
      return formFailure(e, keptValues(form), 'remove');
    }
  }
};
