import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { NotFoundError } from '$lib/server/services/shared/errors';
import {
  confirmSubscription,
  pendingSubscription
} from '$lib/server/services/publication/subscription.service';

export const csr = false;

/**
 * The confirmation link shows a button: a GET changes nothing, so a mail scanner that opens the
 * link does not confirm for the person. A used or lapsed link says so (after confirming too).
 */
export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ url, ctx }) => {
    try {
      return { pending: await pendingSubscription(ctx, url.searchParams.get('token')) };
    } catch (e) {
      if (e instanceof NotFoundError) return { pending: null, gone: e.message };
      throw e;
    }
  });

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ url, ctx }) => ({
      confirmed: await confirmSubscription(ctx, url.searchParams.get('token'))
    }))
};
