import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  assignedObservation,
  updateAssignedObservation
} from '$lib/server/services/walks/owner-account.service';

// Works without JavaScript: a plain form, no hydration.
export const csr = false;

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ ctx, actor, params }) => assignedObservation(ctx, actor, params.id), {
    signIn: true
  });

export const actions: Actions = {
  default: (event) =>
    withAction(
      event,
      async ({ ctx, actor, params, form }) => {
        await updateAssignedObservation(ctx, actor, params.id, {
          status: form.get('status'),
          note: form.get('note') ?? ''
        });
        return {
          done: 'Tack! Ändringen är sparad. Den syns i det publika protokollet när iakttagelsen är godkänd för publicering.'
        };
      },
      { signIn: true }
    )
};
