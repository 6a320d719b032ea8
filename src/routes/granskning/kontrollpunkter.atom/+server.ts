import type { RequestHandler } from './$types';
import { publicCheckpoints } from '$lib/server/services/shared/audit.service';
import { atomFeed } from '$lib/server/render/publication/report-atom';

/** The audit chain's daily checkpoints as an Atom feed, so outsiders' feed readers keep copies. */
export const GET: RequestHandler = async ({ url, locals }) => {
  const { ctx } = locals;
  const origin = ctx.config.origin ?? url.origin;
  const checkpoints = await publicCheckpoints(ctx, 100);
  const body = atomFeed({
    id: `${origin}/granskning/kontrollpunkter.atom`,
    title: 'Löften – granskningskedjans kontrollpunkter',
    subtitle:
      'Kedjans senaste post vid dagens slut. Spara kopior: de visar om loggen ändras i efterhand.',
    self: `${origin}/granskning/kontrollpunkter.atom`,
    alternate: `${origin}/granskning`,
    author: 'Löften',
    fallbackUpdated: '2026-01-01T00:00:00.000Z',
    entries: checkpoints.map((c) => ({
      id: `${origin}/granskning#${c.day}`,
      title: `Kontrollpunkt ${c.day}: post nr ${c.seq}`,
      updated: c.at,
      published: c.at,
      link: `${origin}/granskning#${c.day}`,
      summary: `Post nr ${c.seq}, kontrollsumma ${c.head}`,
      content: JSON.stringify({ day: c.day, seq: c.seq, head: c.head, mac: c.mac })
    }))
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': 'public, max-age=300'
    }
  });
};
