import { error, redirect } from '@sveltejs/kit';
import type { Actor } from '$lib/server/auth/policy';
import { getApp } from '$lib/server/app';
import type { Ctx } from '$lib/server/context';
import {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError
} from '$lib/server/services/shared/errors';
import { assertSurveyInMunicipality } from '$lib/server/services/dialogue/survey-access';

/** Runs a staff page's load: sign-in first, then 404/403 pages for what is missing or not allowed. */
export async function staffLoad<T>(
  url: URL,
  actor: Actor | null,
  fn: (ctx: Ctx, actor: Actor) => Promise<T>
): Promise<T> {
  if (!actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  const { ctx } = await getApp();
  try {
    return await fn(ctx, actor);
  } catch (e) {
    if (e instanceof UnauthenticatedError)
      redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
    if (e instanceof NotFoundError) error(404, e.message);
    if (e instanceof ForbiddenError) error(403, e.message);
    throw e;
  }
}

/** A staff page of one survey: as staffLoad, and the survey must belong to the page's municipality. */
export const surveyLoad = <T>(
  params: { code: string; id: string },
  url: URL,
  actor: Actor | null,
  fn: (ctx: Ctx, actor: Actor) => Promise<T>
): Promise<T> =>
  staffLoad(url, actor, async (ctx, a) => {
    await assertSurveyInMunicipality(ctx, params.id, params.code);
    return fn(ctx, a);
  });
