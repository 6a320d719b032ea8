import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure, keptValues } from '$lib/server/http';
import { stockholmDate } from '$lib/core/stockholm-date';
import {
  createNews,
  deleteNews,
  listAgreementNews
} from '$lib/server/services/publication/news.service';
import { editableAgreementRef } from '$lib/server/services/publication/report.service';
import { editorLoad } from '../rapporter/guard';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  const { ctx } = await getApp();
  return editorLoad(locals.actor, url, async (actor) => {
    const [agreement, news] = await Promise.all([
      editableAgreementRef(ctx, actor, params.id),
      listAgreementNews(ctx, actor, params.id, 50, 0)
    ]);
    return { agreement, news, today: stockholmDate(ctx.now()) };
  });
};

export const actions: Actions = {
  create: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await createNews(ctx, locals.actor, params.id, Object.fromEntries(form));
      return { created: true };
    } catch (e) {
      return formFailure(e, keptValues(form), 'create');
    }
  },
  delete: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await deleteNews(ctx, locals.actor, params.id, String(form.get('id') ?? ''));
      return { deleted: true };
    } catch (e) {
      return formFailure(e, undefined, 'delete');
    }
  }
};
