import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { formFailure } from '$lib/server/http';
import { dueFor } from '$lib/server/services/follow-up/due.service';
import {
  createDueFeed,
  dueFeedOf,
  dueFeedPath,
  revokeDueFeed
} from '$lib/server/services/follow-up/due-feed.service';
import { digestSettings, setDigest } from '$lib/server/services/follow-up/digest.service';
import { UnauthenticatedError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ locals }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent('/att-gora')}`);
  const { ctx } = await getApp();
  return {
    due: await dueFor(ctx, locals.actor),
    feed: await dueFeedOf(ctx, locals.actor),
    digest: await digestSettings(ctx, locals.actor)
  };
};

const actorOf = (locals: App.Locals) => {
  if (!locals.actor) throw new UnauthenticatedError();
  return locals.actor;
};

export const actions: Actions = {
  createFeed: async ({ locals, url }) => {
    const { ctx } = await getApp();
    try {
      const { token } = await createDueFeed(ctx, actorOf(locals));
      const origin = ctx.config.origin ?? url.origin;
      return { done: 'feed' as const, feedUrl: `${origin}${dueFeedPath(token)}` };
    } catch (e) {
      return formFailure(e, undefined, 'feed');
    }
  },
  revokeFeed: async ({ locals }) => {
    const { ctx } = await getApp();
    try {
      await revokeDueFeed(ctx, actorOf(locals));
      return { done: 'feed-off' as const };
    } catch (e) {
      return formFailure(e, undefined, 'feed');
    }
  },
  digest: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      const s = await setDigest(ctx, actorOf(locals), { enabled: form.get('enabled') });
      return { done: s.enabled ? ('digest-on' as const) : ('digest-off' as const) };
    } catch (e) {
      return formFailure(e, undefined, 'digest');
    }
  }
};
