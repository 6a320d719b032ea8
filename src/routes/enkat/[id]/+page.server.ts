import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  answersFromForm,
  CLASS_CODE_FIELD,
  submitResponse,
  surveyForm
} from '$lib/server/services/dialogue/survey-response.service';

// A teacher's link can carry the class code (/enkat/<id>?klasskod=K7QM-2XPA); it fills the field.
const classCodeQuery = z
  .string()
  .trim()
  .max(20)
  .regex(/^[A-Za-z0-9-]*$/)
  .catch('');

export const load: PageServerLoad = (event) =>
  withLoad(event, async ({ params, url, ctx, actor }) => ({
    ...(await surveyForm(ctx, actor, params.id)),
    classCode: classCodeQuery.parse(url.searchParams.get(CLASS_CODE_FIELD) ?? '')
  }));

export const actions: Actions = {
  default: (event) =>
    withAction(
      event,
      async ({ params, getClientAddress, ctx, form }) => {
        // The address only keys today's rate limit through a salted hash; it is never stored.
        await submitResponse(ctx, params.id, answersFromForm(form), {
          address: getClientAddress()
        });
        redirect(303, `/enkat/${params.id}/tack`);
      },
      // A survey that is gone is the error page, not a form failure.
      { notFoundPage: true }
    )
};
