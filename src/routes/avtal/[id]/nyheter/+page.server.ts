import type { Actions, PageServerLoad } from './$types';
import { field, withAction, withLoad } from '$lib/server/http';
import { stockholmDate } from '$lib/core/stockholm-date';
import {
  createNews,
  deleteNews,
  listAgreementNews
} from '$lib/server/services/publication/news.service';
import { editableAgreementRef } from '$lib/server/services/publication/report.service';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      const [agreement, news] = await Promise.all([
        editableAgreementRef(ctx, actor, params.id),
        listAgreementNews(ctx, actor, params.id, 50, 0)
      ]);
      return { agreement, news, today: stockholmDate(ctx.now()) };
    },
    { signIn: true }
  );

export const actions: Actions = {
  create: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await createNews(ctx, actor, params.id, Object.fromEntries(form));
        return { created: true };
      },
      { which: 'create' }
    ),
  delete: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await deleteNews(ctx, actor, params.id, field(form, 'id'));
        return { deleted: true };
      },
      { which: 'delete', keep: false }
    )
};
