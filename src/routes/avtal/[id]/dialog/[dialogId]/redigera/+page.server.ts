import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { getDialogue, saveDialogue } from '$lib/server/services/dialogue/dialogue.service';
import { ForbiddenError, NotFoundError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';
import { dialogueFromForm } from '../../dialogue-form';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { ctx } = await getApp();
  try {
    const got = await getDialogue(ctx, locals.actor, params.id, params.dialogId);
    if (!got.editable)
      error(403, 'Bara redaktörer i kommunen eller polisområdet får ändra dialogen.');
    return got;
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ForbiddenError) error(locals.actor ? 403 : 401, e.message);
    throw e;
  }
};

export const actions: Actions = {
  default: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await saveDialogue(ctx, locals.actor, params.id, dialogueFromForm(form), {
        id: params.dialogId
      });
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${params.id}/dialog/${params.dialogId}`);
  }
};
