import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { field, withAction, withLoad } from '$lib/server/http';
import { deleteActivity, updateActivity } from '$lib/server/services/logging/activity.service';
import {
  CORRECTION_DAYS,
  correctableActivities
} from '$lib/server/services/logging/my-activities.service';
import { stockholmDate } from '$lib/core/stockholm-date';
import { hoursToMinutes } from '$lib/core/duration';
import { ValidationError } from '$lib/server/services/shared/errors';

const query = z.object({
  andra: z.string().max(100).optional().catch(undefined),
  klar: z.enum(['andrad', 'angrad']).optional().catch(undefined)
});

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ url, ctx, actor }) => {
      const q = query.parse(Object.fromEntries(url.searchParams));
      const list = await correctableActivities(ctx, actor);
      return {
        ...list,
        days: CORRECTION_DAYS,
        today: stockholmDate(ctx.now()),
        editing: list.items.some((a) => a.id === q.andra) ? q.andra : null,
        done: q.klar ?? null
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  /** Corrects an activity (its reporter, or an editor of the organisation): audited as through the API. */
  andra: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        // A correction, not a new activity: an emptied place or note is cleared, emptied shifts are
        // 0, an emptied time is no time ("saknar tid").
        const minutes = form.has('hours') ? hoursToMinutes(field(form, 'hours')) : undefined;
        if (minutes === 'invalid')
          throw new ValidationError([
            {
              field: 'hours',
              message:
                'Skriv tiden i timmar med decimalkomma, till exempel 1,5, eller som 1:30 (högst 1000 timmar).'
            }
          ]);
        await updateActivity(ctx, actor, field(form, 'id').trim(), {
          ...(minutes !== undefined ? { durationMinutes: minutes } : {}),
          date: field(form, 'date').trim() || undefined,
          count: field(form, 'count').trim() || undefined,
          ...(form.has('shifts') ? { shifts: field(form, 'shifts').trim() || 0 } : {}),
          ...(form.has('grade') ? { grade: field(form, 'grade').trim() } : {}),
          place: field(form, 'place').trim(),
          note: field(form, 'note').trim()
        });
        redirect(303, '/logga/mina?klar=andrad');
      },
      { which: (form) => `andra:${field(form, 'id').trim()}` }
    ),
  /** Undoes an activity: a soft delete, as DELETE /api/v1/activities/{id}; an editor can restore it. */
  angra: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        await deleteActivity(ctx, actor, field(form, 'id').trim());
        redirect(303, '/logga/mina?klar=angrad');
      },
      { which: 'angra' }
    )
};
