import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { approveAgreement } from '$lib/server/services/agreements/agreement-consent.service';
import { publicationPreview } from '$lib/server/services/agreements/agreement-publish.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx, actor }) => publicationPreview(ctx, actor, params.id), {
    signIn: true
  });

export const actions: Actions = {
  // The confirmation: the actor approves for their party; the last approval publishes.
  publish: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const { signed } = await approveAgreement(ctx, actor, params.id, Object.fromEntries(form));
        redirect(
          303,
          signed ? `/avtal/${params.id}?publicerad=1` : `/avtal/${params.id}/publicera?godkand=1`
        );
      },
      { which: 'publish' }
    )
};
