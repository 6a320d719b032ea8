import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { listWalks, planWalk } from '$lib/server/services/walks/walk.service';
import { redirect } from '@sveltejs/kit';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ ctx, actor, params }) => listWalks(ctx, actor, params.id), { signIn: true });

export const actions: Actions = {
  plan: (event) =>
    withAction(
      event,
      async ({ ctx, actor, params, form }) => {
        const { id } = await planWalk(ctx, actor, params.id, Object.fromEntries(form));
        redirect(303, `/avtal/${params.id}/vandringar/${id}?planerad=1`);
      },
      { which: 'plan' }
    )
};
