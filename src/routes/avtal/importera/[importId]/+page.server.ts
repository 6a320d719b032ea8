import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { MUNICIPALITIES } from '$lib/server/reference/sweden';
import {
  acceptDocumentImport,
  getDocumentImport
} from '$lib/server/services/import/document-import.service';
import {
  draftFromForm,
  reviewErrors,
  reviewLinks
} from '$lib/server/services/import/document-import-form';
import { NotFoundError, ValidationError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  const { ctx } = await getApp();
  try {
    const view = await getDocumentImport(ctx, locals.actor, params.importId);
    return {
      view,
      review: reviewLinks(view.draft.review),
      municipalities: MUNICIPALITIES.map((m) => ({ code: m.code, name: m.name }))
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};

export const actions: Actions = {
  accept: async ({ params, locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    let agreementId: string;
    try {
      const view = await getDocumentImport(ctx, locals.actor, params.importId);
      const { draft, policeAreaId } = draftFromForm(view.draft, form);
      try {
        ({ agreementId } = await acceptDocumentImport(ctx, locals.actor, params.importId, draft, {
          policeAreaId
        }));
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        const { errors, labels } = reviewErrors(e.fields, draft);
        return fail(400, { errors, labels, values: keptValues(form) });
      }
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${agreementId}`);
  }
};
