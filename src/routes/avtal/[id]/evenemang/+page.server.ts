import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { stockholmDate } from '$lib/core/stockholm-date';
import { formFailure, keptValues } from '$lib/server/http';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { NotFoundError } from '$lib/server/services/shared/errors';
import {
  createEvent,
  listEvents,
  setEventCancelled
} from '$lib/server/services/publication/event.service';
import {
  addContact,
  listContacts,
  removeContact
} from '$lib/server/services/publication/public-contact.service';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  const { ctx } = await getApp();
  try {
    const { view, editable } = await getAgreementForActor(ctx, locals.actor, params.id);
    if (!editable) error(403, 'Bara överenskommelsens redaktörer hanterar evenemang.');
    return {
      agreement: { id: view.id, title: view.title, code: view.municipalities[0]?.code ?? '' },
      events: await listEvents(ctx, [view.id], { limit: 200 }),
      contacts: await listContacts(ctx, view.id)
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};

/** Runs one form's change and answers with what the page shows after it. */
async function act(
  which: string,
  request: Request,
  change: (form: Record<string, FormDataEntryValue>) => Promise<unknown>,
  done: string | ((form: Record<string, FormDataEntryValue>) => string)
) {
  const form = await request.formData();
  try {
    const fields = Object.fromEntries(form);
    await change(fields);
    return { done: typeof done === 'string' ? done : done(fields), which };
  } catch (e) {
    return formFailure(e, keptValues(form), which);
  }
}

export const actions: Actions = {
  create: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    return act(
      'create',
      request,
      (f) => createEvent(ctx, locals.actor, params.id, f),
      // A past event is kept (a record of what was done) but no longer shown under "Var med".
      (f) =>
        String(f.date) < stockholmDate(ctx.now())
          ? 'Evenemanget är sparat. Datumet har redan varit, så det visas inte bland kommande evenemang på den publika sidan.'
          : 'Evenemanget är sparat och visas på den publika sidan.'
    );
  },
  cancel: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    return act(
      'event',
      request,
      (f) => setEventCancelled(ctx, locals.actor, params.id, String(f.eventId), true),
      'Evenemanget är inställt. Det visas som inställt på sidan och i kalendern.'
    );
  },
  restore: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    return act(
      'event',
      request,
      (f) => setEventCancelled(ctx, locals.actor, params.id, String(f.eventId), false),
      'Evenemanget är inte längre inställt.'
    );
  },
  addContact: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    return act(
      'contact',
      request,
      (f) => addContact(ctx, locals.actor, params.id, f),
      'Kontakten är sparad.'
    );
  },
  removeContact: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    return act(
      'contact',
      request,
      (f) => removeContact(ctx, locals.actor, params.id, String(f.contactId)),
      'Kontakten är borttagen.'
    );
  }
};
