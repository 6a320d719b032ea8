import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { keptValues, withAction, withLoad } from '$lib/server/http';
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
import { ValidationError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      const view = await getDocumentImport(ctx, actor, params.importId);
      return {
        view,
        review: reviewLinks(view.draft.review),
        municipalities: MUNICIPALITIES.map((m) => ({ code: m.code, name: m.name }))
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  accept: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      const view = await getDocumentImport(ctx, actor, params.importId);
      const { draft, policeAreaId } = draftFromForm(view.draft, form);
      let agreementId: string;
      try {
        ({ agreementId } = await acceptDocumentImport(ctx, actor, params.importId, draft, {
          policeAreaId
        }));
      } catch (e) {
        // The review names the draft's own fields (with labels), not the service's paths.
        if (!(e instanceof ValidationError)) throw e;
        const { errors, labels } = reviewErrors(e.fields, draft);
        return fail(400, { errors, labels, values: keptValues(form) });
      }
      redirect(303, `/avtal/${agreementId}`);
    })
};
