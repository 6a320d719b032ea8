import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { deleteActivity, updateActivity } from '$lib/server/services/logging/activity.service';
import {
  CORRECTION_DAYS,
  correctableActivities
} from '$lib/server/services/logging/my-activities.service';
import { stockholmDate } from '$lib/core/stockholm-date';

const query = z.object({
  andra: z.string().max(100).optional().catch(undefined),
  klar: z.enum(['andrad', 'angrad']).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent('/logga/mina')}`);
  const { ctx } = await getApp();
  const q = query.parse(Object.fromEntries(url.searchParams));
  const list = await correctableActivities(ctx, locals.actor);
  return {
    ...list,
    days: CORRECTION_DAYS,
    today: stockholmDate(ctx.now()),
    editing: list.items.some((a) => a.id === q.andra) ? q.andra : null,
    done: q.klar ?? null
  };
};

const field = (form: FormData, k: string) => String(form.get(k) ?? '').trim();

export const actions: Actions = {
  /** Corrects an activity (its reporter, or an editor of the organisation): audited as through the API. */
  andra: async ({ request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    const id = field(form, 'id');
    try {
      await updateActivity(ctx, locals.actor, id, {
        date: field(form, 'date') || undefined,
        count: field(form, 'count') || undefined,
        ...(form.has('shifts') ? { shifts: field(form, 'shifts') || 0 } : {}),
        ...(form.has('grade') ? { grade: field(form, 'grade') } : {}),
        place: field(form, 'place'),
        note: field(form, 'note')
      });
    } catch (e) {
      return formFailure(e, keptValues(form), `andra:${id}`);
    }
    redirect(303, '/logga/mina?klar=andrad');
  },
  /** Undoes an activity: a soft delete, as DELETE /api/v1/activities/{id}; an editor can restore it. */
  angra: async ({ request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await deleteActivity(ctx, locals.actor, field(form, 'id'));
    } catch (e) {
      return formFailure(e, keptValues(form), 'angra');
    }
    redirect(303, '/logga/mina?klar=angrad');
  }
};
