import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { logActivity } from '$lib/server/services/logging/activity.service';
import { listActivities } from '$lib/server/services/logging/activity-list.service';
import {
  loggableMeasures,
  measureStanding,
  preselectedMeasure
} from '$lib/server/services/logging/logging.service';
import { filledFields, withAction, withLoad } from '$lib/server/http';
import { stockholmDate } from '$lib/core/stockholm-date';
import { hoursToMinutes } from '$lib/core/duration';
import { ValidationError } from '$lib/server/services/shared/errors';

const query = z.object({
  klar: z.string().max(100).optional().catch(undefined),
  atgard: z.string().max(100).optional().catch(undefined)
});

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ url, ctx, actor }) => {
      const q = query.parse(Object.fromEntries(url.searchParams));
      const measures = await loggableMeasures(ctx, actor);
      const done = q.klar ? measures.find((m) => m.key === q.klar) : undefined;
      const mine = await listActivities(ctx, actor, { pageSize: 10, mine: true });
      return {
        measures,
        today: stockholmDate(ctx.now()),
        // A fresh key per form: a double-tapped submit stores the activity once.
        idempotencyKey: crypto.randomUUID(),
        // Nothing is chosen for someone who has not logged yet: a quick tap must not log the wrong measure.
        selected: q.atgard ?? done?.id ?? preselectedMeasure(measures),
        standing: done ? await measureStanding(ctx, done.agreementId, done.key) : null,
        recentActivities: mine.items.map((a) => ({
          ...a,
          title: measures.find((m) => m.key === a.measureKey)?.title ?? a.measureKey
        }))
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ ctx, actor, form }) => {
      // An unchosen measure is '' so the schema's own message ("Välj vilken åtgärd …") names it.
      // "Tid (timmar)" is written as people write hours (1,5 or 1:30) and stored as minutes.
      const { hours, ...fields } = filledFields(form);
      const minutes = hoursToMinutes(hours);
      if (minutes === 'invalid')
        throw new ValidationError([
          {
            field: 'hours',
            message:
              'Skriv tiden i timmar med decimalkomma, till exempel 1,5, eller som 1:30 (högst 1000 timmar).'
          }
        ]);
      const { activity } = await logActivity(ctx, actor, {
        measureId: '',
        ...fields,
        ...(minutes !== null ? { durationMinutes: minutes } : {})
      });
      redirect(303, `/logga?klar=${encodeURIComponent(activity.measureKey)}`);
    })
};
