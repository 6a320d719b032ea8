import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { stockholmDate } from '$lib/core/stockholm-date';
import { getApp } from '$lib/server/app';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { compareRevisions, startRevision } from '$lib/server/services/agreements/plan.service';
import { NotFoundError, ValidationError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';

const query = z.object({
  fran: z.coerce.number().int().optional().catch(undefined),
  till: z.coerce.number().int().optional().catch(undefined)
});

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const { ctx } = await getApp();
  try {
    const { view, editable } = await getAgreementForActor(ctx, locals.actor, params.id);
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
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};

export const actions: Actions = {
  start: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await startRevision(ctx, locals.actor, params.id, {
        year: form.get('year'),
        note: form.get('note') ?? ''
      });
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${params.id}?ar=${form.get('year')}`);
  }
};
