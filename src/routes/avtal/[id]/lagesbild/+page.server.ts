import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import {
  approveAssessment,
  getAssessment,
  saveAssessment,
  setFocusLinks
} from '$lib/server/services/dialogue/assessment.service';
import { ForbiddenError, NotFoundError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { ctx } = await getApp();
  try {
    return await getAssessment(ctx, locals.actor, params.id);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ForbiddenError) error(locals.actor ? 403 : 401, e.message);
    throw e;
  }
};

export const actions: Actions = {
  save: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      const r = await saveAssessment(ctx, locals.actor, params.id, Object.fromEntries(form));
      return { which: 'save', saved: r.version };
    } catch (e) {
      return formFailure(e, keptValues(form), 'save');
    }
  },
  approve: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      const r = await approveAssessment(ctx, locals.actor, params.id, Number(form.get('version')));
      return { which: 'approve', approvedSide: r.side, approved: r.approved };
    } catch (e) {
      return formFailure(e, keptValues(form), 'approve');
    }
  },
  links: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    const links = [...form]
      .filter(([k, v]) => k.startsWith('focus_') && typeof v === 'string' && v)
      .map(([k, v]) => ({ themeId: k.slice('focus_'.length), focusAreaId: String(v) }));
    try {
      await setFocusLinks(ctx, locals.actor, params.id, links);
      return { which: 'links', linked: links.length };
    } catch (e) {
      return formFailure(e, keptValues(form), 'links');
    }
  }
};
