import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDialogue, saveDialogue } from '$lib/server/services/dialogue/dialogue.service';
import { withAction, withLoad } from '$lib/server/http';
import { dialogueFromForm } from '../../dialogue-form';

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, ctx, actor }) => {
    const got = await getDialogue(ctx, actor, params.id, params.dialogId);
    if (!got.editable)
      error(403, 'Bara redaktörer i kommunen eller polisområdet får ändra dialogen.');
    return got;
  });

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await saveDialogue(ctx, actor, params.id, dialogueFromForm(form), { id: params.dialogId });
      redirect(303, `/avtal/${params.id}/dialog/${params.dialogId}`);
    })
};
