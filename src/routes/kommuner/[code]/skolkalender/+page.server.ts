import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  schoolCalendarPage,
  setSchoolCalendarEntry
} from '$lib/server/services/agreements/school-calendar.service';

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

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, ctx, actor }) => {
    const { ar } = query.parse({ ar: url.searchParams.get('ar') ?? undefined });
    const page = await schoolCalendarPage(ctx, actor, params.code, ar);
    if (!page.editable) error(403, 'Bara kommunens redaktörer kan se och ändra skolkalendern.');
    return page;
  });

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await setSchoolCalendarEntry(ctx, actor, params.code, Object.fromEntries(form));
      return { done: true, entry: String(form.get('entry') ?? '') };
    })
};
