import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { ownerUpdate, ownerView } from '$lib/server/services/walks/owner-link.service';

// Works without JavaScript: plain forms, no hydration.
export const csr = false;

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ ctx, params, setHeaders }) => {
    // The token is the key: never cached, never sent to another site as a referrer. Not
    // `no-referrer`: with it the browser posts the form with `Origin: null`, which the
    // cross-site form check refuses (the owner could not save; found by the browser test).
    setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'same-origin' });
    return ownerView(ctx, params.token);
  });

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ ctx, params, form }) => {
      await ownerUpdate(ctx, params.token, {
        status: form.get('status'),
        note: form.get('note') ?? ''
      });
      return {
        done: 'Tack! Ändringen är sparad och syns i det publika protokollet när den är godkänd för publicering.'
      };
    })
};
