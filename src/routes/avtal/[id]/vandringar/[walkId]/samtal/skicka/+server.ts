import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { jsonBody, withApi } from '$lib/server/http';
import { recordContact } from '$lib/server/services/walks/contact.service';
import { contactWalk } from '../contact-walk';

/**
 * Records a contact sent as JSON by the phone's queue (components/walks/contact-queue.ts): the
 * same rules as the form. The same `idempotencyKey` again answers 200 with the contact stored the
 * first time. Without JavaScript the page's form action takes the same fields.
 */
export const POST: RequestHandler = (event) =>
  withApi(
    event,
    async ({ ctx, actor, params, request }) => {
      await contactWalk(ctx, actor, params);
      const { contact, created } = await recordContact(
        ctx,
        actor,
        params.walkId,
        await jsonBody(request)
      );
      return json(contact, { status: created ? 201 : 200 });
    },
    { signIn: true }
  );
