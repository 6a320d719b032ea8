import { error, redirect } from '@sveltejs/kit';
import type { Actor } from '$lib/server/auth/policy';
import { ForbiddenError, NotFoundError } from '$lib/server/services/shared/errors';

/** Runs an editor page's load: sign in first; a missing thing is 404, a refusal 403. */
export async function editorLoad<T>(
  actor: Actor | null,
  url: URL,
  run: (actor: Actor) => Promise<T>
): Promise<T> {
  if (!actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  try {
    return await run(actor);
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ForbiddenError) error(403, e.message);
    throw e;
  }
}
