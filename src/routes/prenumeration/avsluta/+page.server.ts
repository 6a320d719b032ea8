import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  subscriptionOfLink,
  unsubscribe
} from '$lib/server/services/publication/subscription.service';

export const csr = false;

/** The unsubscribe link shows a button (a GET changes nothing); an ended subscription says so. */
export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ url, ctx }) => ({
    subscription: await subscriptionOfLink(ctx, url.searchParams.get('token'))
  }));

export const actions: Actions = {
  // The button, and mail programs' one-click POST (RFC 8058: "List-Unsubscribe=One-Click", no session).
  default: (event) =>
    withAction(
      event,
      async ({ url, ctx }) => ({
        unsubscribed: await unsubscribe(ctx, url.searchParams.get('token'))
      }),
      { keep: false }
    )
};
