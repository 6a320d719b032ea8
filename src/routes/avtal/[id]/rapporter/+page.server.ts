import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  createReport,
  listAgreementReports
} from '$lib/server/services/publication/report.service';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => ({
      ...(await listAgreementReports(ctx, actor, params.id)),
      thisYear: ctx.now().getUTCFullYear()
    }),
    { signIn: true }
  );

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      const kind = String(form.get('kind') ?? '');
      // Only the fields the chosen kind uses: a year for a tertial or a year, a tertial for a tertial.
      const { id } = await createReport(ctx, actor, params.id, {
        kind,
        year: kind === 'agreement' ? undefined : form.get('year') || undefined,
        tertial: kind === 'tertial' ? form.get('tertial') || undefined : undefined
      });
      redirect(303, `/avtal/${params.id}/rapporter/${id}`);
    })
};
