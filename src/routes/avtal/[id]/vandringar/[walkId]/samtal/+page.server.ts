import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { recordContact, walkContacts } from '$lib/server/services/walks/contact.service';
import { contactWalk } from './contact-walk';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ ctx, actor, params }) => {
      const { walk, agreement } = await contactWalk(ctx, actor, params);
      return {
        walk,
        agreement,
        ...(await walkContacts(ctx, actor, params.walkId)),
        // A fresh key per form shown: a form sent twice (a double tap, a retry) stores one contact.
        formKey: crypto.randomUUID()
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  contact: (event) =>
    withAction(
      event,
      async ({ ctx, actor, params, form }) => {
        await contactWalk(ctx, actor, params);
        const fields = Object.fromEntries([...form].filter(([k]) => k !== 'themes'));
        await recordContact(ctx, actor, params.walkId, {
          ...fields,
          themes: form.getAll('themes').map(String)
        });
        return { which: 'contact', done: 'Samtalet är sparat.' };
      },
      { which: 'contact', signIn: true }
    )
};
