import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isAdmin } from '$lib/server/auth/policy';
import {
  addPoliceArea,
  listPoliceRegions
} from '$lib/server/services/accounts/police-area.service';
import { withAction, withLoad } from '$lib/server/http';

// Police areas (lokalpolisområden) under the seven regions: instance administrators only.
export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ ctx, actor }) => {
      if (!isAdmin(actor)) error(403, 'Bara administratörer kommer åt administrationen.');
      return { regions: await listPoliceRegions(ctx) };
    },
    { signIn: true }
  );

export const actions: Actions = {
  add: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        const area = await addPoliceArea(ctx, actor, Object.fromEntries(form));
        return { done: 'add' as const, area };
      },
      { signIn: true }
    )
};
