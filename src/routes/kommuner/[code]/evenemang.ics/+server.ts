import type { RequestHandler } from './$types';
import { withLoad } from '$lib/server/http';
import { eventCalendar } from '$lib/server/render/publication/event-calendar';
import { municipalityEvents } from '$lib/server/services/publication/public-site.service';

/** The municipality's public events as an iCalendar feed (no sign-in; published agreements only). */
export const GET: RequestHandler = (event) =>
  withLoad(event, async ({ params, url, ctx }) => {
    const { municipality, events } = await municipalityEvents(ctx, params.code);
    const body = eventCalendar(events, {
      name: `Medborgarlöftet i ${municipality.name} – evenemang`,
      pageUrl: `${url.origin}/kommuner/${params.code}#var-med`
    });
    return new Response(body, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `inline; filename="evenemang-${params.code}.ics"`
      }
    });
  });
