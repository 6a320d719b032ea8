import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  requestSubscription,
  subscriptionOffer
} from '$lib/server/services/publication/subscription.service';

// A public form that works without JavaScript.
export const csr = false;

/** The subscribe page: what is stored, how to stop, or the feed and calendar when e-mail is off. */
export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx }) => subscriptionOffer(ctx, params.code));

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, form, getClientAddress }) => ({
      sent: await requestSubscription(ctx, params.code, Object.fromEntries(form), {
        address: getClientAddress()
      })
    }))
};
