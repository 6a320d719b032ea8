import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { agreementFollowUp } from '$lib/server/services/follow-up/follow-up.service';
import { NotFoundError } from '$lib/server/services/shared/errors';

const query = z.object({
  ar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const { ctx } = await getApp();
  const { ar } = query.parse(Object.fromEntries(url.searchParams));
  try {
    const { view, editable, member } = await getAgreementForActor(ctx, locals.actor, params.id, ar);
    const followUp = await agreementFollowUp(
      ctx,
      params.id,
      { period: 'year' },
      { includeInternal: editable, lang: locals.lang }
    );
    return { agreement: view, editable, member, followUp };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
