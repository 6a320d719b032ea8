import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import {
  createReport,
  listAgreementReports
} from '$lib/server/services/publication/report.service';
import { editorLoad } from './guard';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { ctx } = await getApp();
  return editorLoad(locals.actor, url, async (actor) => ({
    ...(await listAgreementReports(ctx, actor, params.id)),
    thisYear: ctx.now().getUTCFullYear()
  }));
};

export const actions: Actions = {
  default: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    const kind = String(form.get('kind') ?? '');
    // Only the fields the chosen kind uses: a year for a tertial or a year, a tertial for a tertial.
    const input = {
      kind,
      year: kind === 'agreement' ? undefined : form.get('year') || undefined,
      tertial: kind === 'tertial' ? form.get('tertial') || undefined : undefined
    };
    let id: string;
    try {
      ({ id } = await createReport(ctx, locals.actor, params.id, input));
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${params.id}/rapporter/${id}`);
  }
};
