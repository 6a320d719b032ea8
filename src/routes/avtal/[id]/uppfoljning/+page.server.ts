import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { optionalParam, parseInput, strictYear } from '$lib/server/services/shared/validation';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { agreementFollowUp } from '$lib/server/services/follow-up/follow-up.service';

const query = z.object({
  period: z.enum(['month', 'tertial', 'year']).catch('month'),
  // Four digits only, and a wrong year is said, not silently replaced.
  ar: optionalParam(strictYear()),
  per: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined)
});

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, locals, ctx, actor }) => {
    const q = parseInput(query, Object.fromEntries(url.searchParams));
    const { view, editable } = await getAgreementForActor(ctx, actor, params.id);
    const firstYear = Number(view.period.start.slice(0, 4));
    const lastYear = Number(view.period.end.slice(0, 4));
    const thisYear = Number((q.per ?? new Date().toISOString()).slice(0, 4));
    const year = q.ar ?? Math.min(Math.max(thisYear, firstYear), lastYear);
    const range = q.period === 'year' ? {} : { from: `${year}-01-01`, to: `${year}-12-31` };
    const followUp = await agreementFollowUp(
      ctx,
      params.id,
      { period: q.period, ...range, asOf: q.per },
      { includeInternal: editable, lang: locals.lang }
    );
    return {
      agreement: {
        id: view.id,
        title: view.title,
        demo: view.demo,
        focusAreas: view.focusAreas,
        parties: view.parties,
        municipalities: view.municipalities,
        policeArea: view.policeArea
      },
      followUp,
      period: q.period,
      year,
      years: Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i),
      asOf: q.per ?? ''
    };
  });
