import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { optionalParam, strictYear } from '$lib/server/services/shared/validation';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { agreementFollowUp } from '$lib/server/services/follow-up/follow-up.service';
import {
  fieldErrorsFromZod,
  NotFoundError,
  ValidationError
} from '$lib/server/services/shared/errors';

const query = z.object({
  // Four digits only, and a wrong year is said, not silently replaced.
  ar: optionalParam(strictYear())
});

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const { ctx } = await getApp();
  const parsed = query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success)
    error(400, new ValidationError(fieldErrorsFromZod(parsed.error.issues)).message);
  const { ar } = parsed.data;
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
