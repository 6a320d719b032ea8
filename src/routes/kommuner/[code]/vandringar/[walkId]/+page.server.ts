import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { addTip, publicWalk } from '$lib/server/services/walks/walk-public.service';
import { publicRoundSummary } from '$lib/server/services/walks/contact.service';

// Works without JavaScript: plain forms (no use:enhance). Hydrated only so that the map
// (WalkMap.svelte, a progressive enhancement) can draw and place a pin when JavaScript runs.
export const csr = true;

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ ctx, params }) => ({
    ...(await publicWalk(ctx, params.code, params.walkId)),
    // A held round's contacts: counts and themes only (contact.service).
    round: await publicRoundSummary(ctx, params.walkId)
  }));

export const actions: Actions = {
  tip: (event) =>
    withAction(
      event,
      async ({ ctx, params, form, getClientAddress }) => {
        await addTip(ctx, params.code, params.walkId, Object.fromEntries(form), {
          address: getClientAddress()
        });
        return { done: 'Tack! Platsen är skickad till dem som går vandringen.' };
      },
      { which: 'tip' }
    )
};
