import type { Actions, PageServerLoad } from './$types';
import {
  addCitation,
  citationBoard,
  removeCitation
} from '$lib/server/services/dialogue/assessment-citations.service';
import { field, withAction, withLoad } from '$lib/server/http';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx, actor }) => citationBoard(ctx, actor, params.id));

export const actions: Actions = {
  add: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await addCitation(ctx, actor, params.id, Object.fromEntries(form));
        return { which: 'add', added: true };
      },
      { which: 'add' }
    ),
  remove: (event) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await removeCitation(ctx, actor, params.id, field(form, 'id'));
        return { which: 'remove', removed: true };
      },
      { which: 'remove' }
    )
};
