import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { getEvent, updateEvent } from '$lib/server/services/publication/event.service';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  const { ctx } = await getApp();
  try {
    const { view, editable } = await getAgreementForActor(ctx, locals.actor, params.id);
    if (!editable) error(403, 'Bara överenskommelsens redaktörer ändrar evenemang.');
    return {
      agreement: { id: view.id, title: view.title },
      event: await getEvent(ctx, view.id, params.eventId)
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};

export const actions: Actions = {
  default: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await updateEvent(ctx, locals.actor, params.id, params.eventId, Object.fromEntries(form));
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${params.id}/evenemang`);
  }
};
