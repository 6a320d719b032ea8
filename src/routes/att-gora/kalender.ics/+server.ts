import type { RequestHandler } from './$types';
import { dueCalendar } from '$lib/server/render/follow-up/due-calendar';
import { dueFor } from '$lib/server/services/follow-up/due.service';
import { dueFeedActor } from '$lib/server/services/follow-up/due-feed.service';

/** The personal "att göra" calendar, opened by the secret in the address (calendar apps send no headers). */
export const GET: RequestHandler = async ({ url, locals }) => {
  const { ctx } = locals;
  const actor = await dueFeedActor(ctx, url.searchParams.get('nyckel'));
  if (!actor)
    return new Response(
      'Kalenderadressen finns inte eller är avstängd. Skapa en ny på /att-gora.\n',
      {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
      }
    );
  const origin = ctx.config.origin ?? url.origin;
  const body = dueCalendar(await dueFor(ctx, actor, { horizonDays: 366 }), {
    origin,
    now: ctx.now()
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="loften-att-gora.ics"',
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex'
    }
  });
};
