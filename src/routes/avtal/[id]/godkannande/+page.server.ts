import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import {
  acceptAgreement,
  approveAgreement,
  getConsents
} from '$lib/server/services/agreements/agreement-consent.service';
import { NotFoundError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  const { ctx } = await getApp();
  try {
    return { consents: await getConsents(ctx, locals.actor, params.id) };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};

export const actions: Actions = {
  accept: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await acceptAgreement(ctx, locals.actor, params.id, Object.fromEntries(form));
    } catch (e) {
      return formFailure(e, keptValues(form), 'accept');
    }
    redirect(303, `/avtal/${params.id}/godkannande?klart=part`);
  },
  approve: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    let signed: boolean;
    try {
      ({ signed } = await approveAgreement(ctx, locals.actor, params.id, Object.fromEntries(form)));
    } catch (e) {
      return formFailure(e, keptValues(form), 'approve');
    }
    redirect(303, `/avtal/${params.id}/godkannande?klart=${signed ? 'undertecknad' : 'godkand'}`);
  }
};
