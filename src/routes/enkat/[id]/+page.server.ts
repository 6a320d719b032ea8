import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';
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

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { ctx } = await getApp();
  try {
    return {
      ...(await surveyForm(ctx, locals.actor, params.id)),
      classCode: classCodeQuery.parse(url.searchParams.get(CLASS_CODE_FIELD) ?? '')
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};

export const actions: Actions = {
  default: async ({ params, request, getClientAddress }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      // The address only keys today's rate limit through a salted hash; it is never stored.
      await submitResponse(ctx, params.id, answersFromForm(form), { address: getClientAddress() });
    } catch (e) {
      if (e instanceof NotFoundError) error(404, e.message);
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/enkat/${params.id}/tack`);
  }
};
