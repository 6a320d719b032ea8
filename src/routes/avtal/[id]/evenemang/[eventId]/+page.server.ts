import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { getEvent, updateEvent } from '$lib/server/services/publication/event.service';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      const { view, editable } = await getAgreementForActor(ctx, actor, params.id);
      if (!editable) error(403, 'Bara överenskommelsens redaktörer ändrar evenemang.');
      return {
        agreement: { id: view.id, title: view.title },
        event: await getEvent(ctx, view.id, params.eventId)
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await updateEvent(ctx, actor, params.id, params.eventId, Object.fromEntries(form));
      redirect(303, `/avtal/${params.id}/evenemang?sparad=1`);
    })
};
