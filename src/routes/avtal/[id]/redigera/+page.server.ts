import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import {
  addFocusArea,
  removeFocusArea,
  updateAgreementHead,
  updateFocusArea
} from '$lib/server/services/agreements/agreement-edit.service';
import {
  addEffect,
  addIndicatorValue,
  removeEffect,
  updateEffect
} from '$lib/server/services/agreements/effect.service';
import { addParty, removeParty, updateParty } from '$lib/server/services/agreements/party.service';
import type { Ctx } from '$lib/server/context';
import type { Actor } from '$lib/server/auth/policy';
import { field, withAction, withLoad } from '$lib/server/http';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      const { view, editable } = await getAgreementForActor(ctx, actor, params.id);
      if (!editable)
        error(403, 'Bara redaktörer i överenskommelsens kommun eller polisområde får ändra den.');
      return { agreement: view };
    },
    { signIn: true }
  );

/** A focus area's fields: the services read the form's own names; the prevention types are a list. */
const focusFrom = (form: FormData) => ({
  ...Object.fromEntries(form),
  preventionTypes: form.getAll('preventionTypes').map(String)
});

type Edit = (
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  form: FormData
) => Promise<unknown>;

/**
 * One edit, answered with which form it was (`which`, or that form's row id after a prefix), so the
 * page shows the message in the right place.
 */
const edit =
  (which: string, run: Edit, row = false) =>
  (event: RequestEvent) =>
    withAction(
      event,
      async ({ params, ctx, actor, form }) => {
        await run(ctx, actor, params.id, form);
        return { done: row ? `${which}-${field(form, 'id')}` : which };
      },
      { which: (form) => (row ? `${which}-${field(form, 'id')}` : which) }
    );

export const actions: Actions = {
  head: edit('head', (ctx, actor, id, form) =>
    updateAgreementHead(ctx, actor, id, Object.fromEntries(form))
  ),
  addFocus: edit('addFocus', (ctx, actor, id, form) =>
    addFocusArea(ctx, actor, id, focusFrom(form))
  ),
  updateFocus: edit(
    'focus',
    (ctx, actor, id, form) => updateFocusArea(ctx, actor, id, field(form, 'id'), focusFrom(form)),
    true
  ),
  removeFocus: edit(
    'focus',
    (ctx, actor, id, form) => removeFocusArea(ctx, actor, id, field(form, 'id')),
    true
  ),
  addEffect: edit('addEffect', (ctx, actor, id, form) =>
    addEffect(ctx, actor, id, Object.fromEntries(form))
  ),
  updateEffect: edit(
    'effect',
    (ctx, actor, id, form) =>
      updateEffect(ctx, actor, id, field(form, 'id'), Object.fromEntries(form)),
    true
  ),
  removeEffect: edit(
    'effect',
    (ctx, actor, id, form) => removeEffect(ctx, actor, id, field(form, 'id')),
    true
  ),
  addValue: edit('addValue', (ctx, actor, id, form) =>
    addIndicatorValue(ctx, actor, id, Object.fromEntries(form))
  ),
  addParty: edit('addParty', (ctx, actor, id, form) =>
    addParty(ctx, actor, id, Object.fromEntries(form))
  ),
  updateParty: edit(
    'party',
    (ctx, actor, id, form) =>
      updateParty(ctx, actor, id, field(form, 'id'), Object.fromEntries(form)),
    true
  ),
  removeParty: edit(
    'party',
    (ctx, actor, id, form) => removeParty(ctx, actor, id, field(form, 'id')),
    true
  )
};
