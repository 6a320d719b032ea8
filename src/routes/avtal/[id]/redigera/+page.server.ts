import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
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
import { NotFoundError } from '$lib/server/services/shared/errors';
import { formFailure, keptValues } from '$lib/server/http';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  const { ctx } = await getApp();
  try {
    const { view, editable } = await getAgreementForActor(ctx, locals.actor, params.id);
    if (!editable)
      error(403, 'Bara redaktörer i överenskommelsens kommun eller polisområde får ändra den.');
    return { agreement: view };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};

const str = (form: FormData, k: string) => String(form.get(k) ?? '');
const focusFrom = (form: FormData) => ({
  title: str(form, 'title'),
  description: str(form, 'description'),
  preventionTypes: form.getAll('preventionTypes').map(String),
  specialAttention: str(form, 'specialAttention')
});
const effectFrom = (form: FormData) => ({
  title: str(form, 'title'),
  direction: str(form, 'direction'),
  indicatorName: str(form, 'indicatorName'),
  indicatorUnit: str(form, 'indicatorUnit'),
  indicatorSource: str(form, 'indicatorSource')
});
const partyFrom = (form: FormData) => ({
  name: str(form, 'name'),
  partyType: str(form, 'partyType')
});

/** Runs one edit and answers with which form it was, so the page can show the message in the right place. */
async function attempt(which: string, form: FormData, run: () => Promise<unknown>) {
  try {
    await run();
    return { done: which };
  } catch (e) {
    return formFailure(e, keptValues(form), which);
  }
}

export const actions: Actions = {
  head: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt('head', form, () =>
      updateAgreementHead(ctx, locals.actor, params.id, {
        title: str(form, 'title'),
        status: str(form, 'status'),
        periodStart: str(form, 'periodStart'),
        periodEnd: str(form, 'periodEnd'),
        periodText: str(form, 'periodText'),
        situationSummary: str(form, 'situationSummary'),
        communication: str(form, 'communication'),
        signedOn: str(form, 'signedOn')
      })
    );
  },
  addFocus: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt('addFocus', form, () =>
      addFocusArea(ctx, locals.actor, params.id, focusFrom(form))
    );
  },
  updateFocus: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt(`focus-${str(form, 'id')}`, form, () =>
      updateFocusArea(ctx, locals.actor, params.id, str(form, 'id'), focusFrom(form))
    );
  },
  removeFocus: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt(`focus-${str(form, 'id')}`, form, () =>
      removeFocusArea(ctx, locals.actor, params.id, str(form, 'id'))
    );
  },
  addEffect: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt('addEffect', form, () =>
      addEffect(ctx, locals.actor, params.id, effectFrom(form))
    );
  },
  updateEffect: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt(`effect-${str(form, 'id')}`, form, () =>
      updateEffect(ctx, locals.actor, params.id, str(form, 'id'), effectFrom(form))
    );
  },
  removeEffect: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt(`effect-${str(form, 'id')}`, form, () =>
      removeEffect(ctx, locals.actor, params.id, str(form, 'id'))
    );
  },
  addValue: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt('addValue', form, () =>
      addIndicatorValue(ctx, locals.actor, params.id, {
        indicatorId: str(form, 'indicatorId'),
        date: str(form, 'date'),
        value: str(form, 'value')
      })
    );
  },
  addParty: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt('addParty', form, () => addParty(ctx, locals.actor, params.id, partyFrom(form)));
  },
  updateParty: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt(`party-${str(form, 'id')}`, form, () =>
      updateParty(ctx, locals.actor, params.id, str(form, 'id'), partyFrom(form))
    );
  },
  removeParty: async ({ params, request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    return attempt(`party-${str(form, 'id')}`, form, () =>
      removeParty(ctx, locals.actor, params.id, str(form, 'id'))
    );
  }
};
