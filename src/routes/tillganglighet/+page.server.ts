import type { Actions, PageServerLoad } from './$types';
import { reportAccessibilityProblem } from '$lib/server/services/publication/accessibility.service';
import { withAction } from '$lib/server/http';

export const load: PageServerLoad = ({ url }) => ({ page: url.searchParams.get('sida') ?? '' });

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ ctx, form }) => {
      // A field people cannot see: filled in only by robots, whose reports are dropped quietly.
      if (form.get('webbplats')) return { done: true };
      await reportAccessibilityProblem(ctx, {
        page: form.get('page') ?? '',
        description: form.get('description') ?? '',
        contact: form.get('contact') ?? ''
      });
      return { done: true };
    })
};
