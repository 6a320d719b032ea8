import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { newMeasureForm } from '$lib/server/services/agreements/measure-edit.service';
import { addMeasure } from '$lib/server/services/agreements/agreement-edit.service';
import { withAction, withLoad } from '$lib/server/http';
import { measureFromForm } from '$lib/server/measure-form';

const query = z.object({
  ar: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)
});

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    ({ params, url, ctx, actor }) =>
      newMeasureForm(ctx, actor, params.id, query.parse(Object.fromEntries(url.searchParams)).ar),
    { signIn: true }
  );

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      await addMeasure(ctx, actor, params.id, {
        ...measureFromForm(form),
        year: form.get('year'),
        groupId: String(form.get('groupId') ?? ''),
        newGroupTitle: String(form.get('newGroupTitle') ?? '')
      });
      redirect(303, `/avtal/${params.id}?ar=${form.get('year')}&sparad=1`);
    })
};
