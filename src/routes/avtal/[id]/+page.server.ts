import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { optionalParam, parseInput, strictYear } from '$lib/server/services/shared/validation';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { agreementFollowUp } from '$lib/server/services/follow-up/follow-up.service';

const query = z.object({
  // Four digits only, and a wrong year is said, not silently replaced.
  ar: optionalParam(strictYear())
});

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, locals, ctx, actor }) => {
    const { ar } = parseInput(query, Object.fromEntries(url.searchParams));
    const { view, editable, member } = await getAgreementForActor(ctx, actor, params.id, ar);
    const followUp = await agreementFollowUp(
      ctx,
      params.id,
      { period: 'year' },
      { includeInternal: editable, lang: locals.lang }
    );
    return { agreement: view, editable, member, followUp };
  });
