import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  riskCalendar,
  setRiskOccasion
} from '$lib/server/services/agreements/risk-occasion.service';

const query = z.object({
  ar: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(() => new Date().getFullYear())
});

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, url, ctx, actor }) => {
    const { ar } = query.parse({ ar: url.searchParams.get('ar') ?? undefined });
    return riskCalendar(ctx, actor, params.code, ar);
  });

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await setRiskOccasion(ctx, actor, params.code, Object.fromEntries(form));
      return { done: true };
    })
};
