import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { dialogueFormData, saveDialogue } from '$lib/server/services/dialogue/dialogue.service';
import { withAction, withLoad } from '$lib/server/http';
import { dialogueFromForm } from '../dialogue-form';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx, actor }) => dialogueFormData(ctx, actor, params.id));

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      const { id } = await saveDialogue(ctx, actor, params.id, dialogueFromForm(form));
      redirect(303, `/avtal/${params.id}/dialog/${id}`);
    })
};
