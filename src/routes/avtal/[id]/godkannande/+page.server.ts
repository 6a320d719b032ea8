import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  acceptAgreement,
  approveAgreement,
  getConsents
} from '$lib/server/services/agreements/agreement-consent.service';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => ({ consents: await getConsents(ctx, actor, params.id) }),
    { signIn: true }
  );

export const actions: Actions = {
  accept: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await acceptAgreement(ctx, actor, params.id, Object.fromEntries(form));
        redirect(303, `/avtal/${params.id}/godkannande?klart=part`);
      },
      { which: 'accept' }
    ),
  approve: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const { signed } = await approveAgreement(ctx, actor, params.id, Object.fromEntries(form));
        redirect(
          303,
          `/avtal/${params.id}/godkannande?klart=${signed ? 'undertecknad' : 'godkand'}`
        );
      },
      { which: 'approve' }
    )
};
