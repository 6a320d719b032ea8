import type { RequestHandler } from './$types';
import { withLoad } from '$lib/server/http';
import { observationPhoto } from '$lib/server/services/walks/photo.service';

/** An observation's photo (metadata stripped): public once an editor approves it, else its walk's staff only. */
export const GET: RequestHandler = (event) =>
  withLoad(event, async ({ ctx, actor, params }) => {
    const photo = await observationPhoto(ctx, actor, params.id);
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        'content-type': 'image/jpeg',
        'cache-control': photo.public ? 'public, max-age=300' : 'private, no-store',
        'x-content-type-options': 'nosniff'
      }
    });
  });
