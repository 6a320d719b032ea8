import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import {
  riskCalendar,
  setRiskOccasion
} from '$lib/server/services/agreements/risk-occasion.service';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';

const query = z.object({
  ar: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(() => new Date().getFullYear())
});

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const { ctx } = await getApp();
  const { ar } = query.parse({ ar: url.searchParams.get('ar') ?? undefined });
  try {
    return await riskCalendar(ctx, locals.actor, params.code, ar);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};

export const actions: Actions = {
  default: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await setRiskOccasion(ctx, locals.actor, params.code, Object.fromEntries(form));
      return { done: true };
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
  }
};
