import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { stockholmDate } from '$lib/core/stockholm-date';
import { withAction, withLoad } from '$lib/server/http';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
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

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      const { view, editable } = await getAgreementForActor(ctx, actor, params.id);
      if (!editable) error(403, 'Bara överenskommelsens redaktörer hanterar evenemang.');
      return {
        agreement: { id: view.id, title: view.title, code: view.municipalities[0]?.code ?? '' },
        events: await listEvents(ctx, [view.id], { limit: 200 }),
        contacts: await listContacts(ctx, view.id)
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  create: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const fields = Object.fromEntries(form);
        await createEvent(ctx, actor, params.id, fields);
        return {
          which: 'create',
          // A past event is kept (a record of what was done) but no longer shown under "Var med".
          done:
            String(fields.date) < stockholmDate(ctx.now())
              ? 'Evenemanget är sparat. Datumet har redan varit, så det visas inte bland kommande evenemang på den publika sidan.'
              : 'Evenemanget är sparat och visas på den publika sidan.'
        };
      },
      { which: 'create' }
    ),
  cancel: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await setEventCancelled(ctx, actor, params.id, String(form.get('eventId')), true);
        return {
          which: 'event',
          done: 'Evenemanget är inställt. Det visas som inställt på sidan och i kalendern.'
        };
      },
      { which: 'event' }
    ),
  restore: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await setEventCancelled(ctx, actor, params.id, String(form.get('eventId')), false);
        return { which: 'event', done: 'Evenemanget är inte längre inställt.' };
      },
      { which: 'event' }
    ),
  addContact: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await addContact(ctx, actor, params.id, Object.fromEntries(form));
        return { which: 'contact', done: 'Kontakten är sparad.' };
      },
      { which: 'contact' }
    ),
  removeContact: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await removeContact(ctx, actor, params.id, String(form.get('contactId')));
        return { which: 'contact', done: 'Kontakten är borttagen.' };
      },
      { which: 'contact' }
    )
};
