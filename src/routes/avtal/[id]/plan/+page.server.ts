import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { stockholmDate } from '$lib/core/stockholm-date';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { compareRevisions, startRevision } from '$lib/server/services/agreements/plan.service';
import { ValidationError } from '$lib/server/services/shared/errors';
import { withAction, withLoad } from '$lib/server/http';

const query = z.object({
  fran: z.coerce.number().int().optional().catch(undefined),
  till: z.coerce.number().int().optional().catch(undefined)
});

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, ctx, actor }) => {
    const { view, editable } = await getAgreementForActor(ctx, actor, params.id);
    const years = view.revisions.map((r) => r.year);
    const q = query.parse(Object.fromEntries(url.searchParams));
    const to = q.till ?? years[years.length - 1];
    const from = q.fran ?? years[years.length - 2] ?? to;
    let diff = null;
    let diffError: string | null = null;
    if (from !== undefined && to !== undefined && from !== to) {
      try {
        diff = await compareRevisions(ctx, params.id, from, to, { includeInternal: editable });
      } catch (e) {
        // Two years that cannot be compared are said on the page, which still shows the plans.
        if (!(e instanceof ValidationError)) throw e;
        diffError = e.fields.map((f) => f.message).join(' ');
      }
    }
    return {
      agreement: { id: view.id, title: view.title },
      revisions: view.revisions,
      editable,
      from,
      to,
      diff,
      diffError,
      // The coming year, or the year after the latest plan when that is already made.
      nextYear: Math.max(
        (years[years.length - 1] ?? 0) + 1,
        Number(stockholmDate(ctx.now()).slice(0, 4)) + 1
      )
    };
  });

export const actions: Actions = {
  start: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await startRevision(ctx, actor, params.id, {
        year: form.get('year'),
        note: form.get('note') ?? ''
      });
      redirect(303, `/avtal/${params.id}?ar=${form.get('year')}&sparad=1`);
    })
};
