import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import { dueFor } from '$lib/server/services/follow-up/due.service';
import {
  createDueFeed,
  dueFeedOf,
  dueFeedPath,
  revokeDueFeed
} from '$lib/server/services/follow-up/due-feed.service';
import { digestSettings, setDigest } from '$lib/server/services/follow-up/digest.service';
import { overdueObservationsFor } from '$lib/server/services/walks/observation.service';
import { assignedObservationsFor } from '$lib/server/services/walks/owner-account.service';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ ctx, actor }) => ({
      due: await dueFor(ctx, actor),
      observations: await overdueObservationsFor(ctx, actor),
      assigned: await assignedObservationsFor(ctx, actor),
      feed: await dueFeedOf(ctx, actor),
      digest: await digestSettings(ctx, actor)
    }),
    { signIn: true }
  );

export const actions: Actions = {
  createFeed: (event) =>
    withAction(
      event,
      async ({ url, ctx, actor }) => {
        const { token } = await createDueFeed(ctx, actor);
        const origin = ctx.config.origin ?? url.origin;
        return { done: 'feed' as const, feedUrl: `${origin}${dueFeedPath(token)}` };
      },
      { signIn: true, which: 'feed', keep: false }
    ),
  revokeFeed: (event) =>
    withAction(
      event,
      async ({ ctx, actor }) => {
        await revokeDueFeed(ctx, actor);
        return { done: 'feed-off' as const };
      },
      { signIn: true, which: 'feed', keep: false }
    ),
  digest: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        const s = await setDigest(ctx, actor, { enabled: form.get('enabled') });
        return { done: s.enabled ? ('digest-on' as const) : ('digest-off' as const) };
      },
      { signIn: true, which: 'digest', keep: false }
    )
};
