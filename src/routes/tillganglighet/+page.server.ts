import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { reportAccessibilityProblem } from '$lib/server/services/publication/accessibility.service';
import { formFailure, keptValues } from '$lib/server/http';

export const load: PageServerLoad = ({ url }) => ({ page: url.searchParams.get('sida') ?? '' });

export const actions: Actions = {
  default: async ({ request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    // A field people cannot see: filled in only by robots, whose reports are dropped quietly.
    if (String(form.get('webbplats') ?? '')) return { done: true };
    try {
      await reportAccessibilityProblem(ctx, {
        page: form.get('page') ?? '',
        description: form.get('description') ?? '',
        contact: form.get('contact') ?? ''
      });
      return { done: true };
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
  }
};
