import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import {
  schoolCalendarPage,
  setSchoolCalendarEntry
} from '$lib/server/services/agreements/school-calendar.service';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';

/** The school year starting in the autumn of ?ar; by default the one under way. */
const query = z.object({
  ar: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(() => {
      const now = new Date();
      return now.getMonth() >= 6 ? now.getFullYear() : now.getFullYear() - 1;
    })
});

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const { ctx } = await getApp();
  const { ar } = query.parse({ ar: url.searchParams.get('ar') ?? undefined });
  try {
    const page = await schoolCalendarPage(ctx, locals.actor, params.code, ar);
    if (!page.editable) error(403, 'Bara kommunens redaktörer kan se och ändra skolkalendern.');
    return page;
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
      await setSchoolCalendarEntry(ctx, locals.actor, params.code, Object.fromEntries(form));
      return { done: true, entry: String(form.get('entry') ?? '') };
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
  }
};
