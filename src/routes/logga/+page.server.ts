import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { logActivity } from '$lib/server/services/logging/activity.service';
import { listActivities } from '$lib/server/services/logging/activity-list.service';
import {
  loggableMeasures,
  measureStanding,
  preselectedMeasure
} from '$lib/server/services/logging/logging.service';
import { formFailure, keptValues } from '$lib/server/http';
import { stockholmDate } from '$lib/core/stockholm-date';

const query = z.object({
  klar: z.string().max(100).optional().catch(undefined),
  atgard: z.string().max(100).optional().catch(undefined)
});

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent('/logga')}`);
  const { ctx } = await getApp();
  const q = query.parse(Object.fromEntries(url.searchParams));
  const measures = await loggableMeasures(ctx, locals.actor);
  const done = q.klar ? measures.find((m) => m.key === q.klar) : undefined;
  const mine = await listActivities(ctx, locals.actor, { pageSize: 10, mine: true });
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
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    const str = (k: string) => String(form.get(k) ?? '').trim();
    let key: string;
    try {
      const { activity } = await logActivity(ctx, locals.actor, {
        measureId: str('measureId'),
        date: str('date') || undefined,
        count: str('count') || 1,
        shifts: str('shifts') || undefined,
        grade: str('grade') || undefined,
        place: str('place') || undefined,
        note: str('note') || undefined,
        idempotencyKey: str('idempotencyKey') || undefined
      });
      key = activity.measureKey;
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/logga?klar=${encodeURIComponent(key)}`);
  }
};
