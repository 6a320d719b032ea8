import type { Actions, PageServerLoad } from './$types';
import {
  approveAssessment,
  getAssessment,
  saveAssessment,
  setFocusLinks
} from '$lib/server/services/dialogue/assessment.service';
import { withAction, withLoad } from '$lib/server/http';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx, actor }) => getAssessment(ctx, actor, params.id));

export const actions: Actions = {
  save: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const r = await saveAssessment(ctx, actor, params.id, Object.fromEntries(form));
        return { which: 'save', saved: r.version };
      },
      { which: 'save' }
    ),
  approve: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const r = await approveAssessment(ctx, actor, params.id, Number(form.get('version')));
        return { which: 'approve', approvedSide: r.side, approved: r.approved };
      },
      { which: 'approve' }
    ),
  links: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        const links = [...form]
          .filter(([k, v]) => k.startsWith('focus_') && typeof v === 'string' && v)
          .map(([k, v]) => ({ themeId: k.slice('focus_'.length), focusAreaId: String(v) }));
        await setFocusLinks(ctx, actor, params.id, links);
        return { which: 'links', linked: links.length };
      },
      { which: 'links' }
    )
};
