import { error, fail, json, redirect, type ActionFailure } from '@sveltejs/kit';
import type { Actor } from './auth/policy';
import type { Ctx } from './context';
import {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  type FieldError
} from './services/shared/errors';

/** What a failed form gets back: field errors and the values the user typed (never passwords). */
export type FormFailure = {
  errors: FieldError[];
  message?: string;
  values?: Record<string, string>;
  /** Which of several forms on a page failed. */
  which?: string;
};

/** Turns a service error into a form failure; anything unexpected is rethrown to the error page. */
export function formFailure(
  e: unknown,
  values?: Record<string, string>,
  which?: string
): ActionFailure<FormFailure> {
  const base = { values, ...(which ? { which } : {}) };
  if (e instanceof ValidationError) return fail(400, { ...base, errors: e.fields });
  if (e instanceof ForbiddenError) return fail(403, { ...base, errors: [], message: e.message });
  if (e instanceof UnauthenticatedError)
    return fail(401, { ...base, errors: [], message: e.message });
  if (e instanceof NotFoundError) return fail(404, { ...base, errors: [], message: e.message });
  throw e;
}

/** Turns a service error into a JSON API response with the fields named. */
export function apiFailure(e: unknown): Response {
  if (e instanceof ValidationError)
    return json({ error: 'invalid', fields: e.fields }, { status: 400 });
  if (e instanceof UnauthenticatedError)
    return json({ error: 'unauthenticated', message: e.message }, { status: 401 });
  if (e instanceof ForbiddenError)
    return json({ error: 'forbidden', message: e.message }, { status: 403 });
  if (e instanceof NotFoundError)
    return json({ error: 'not-found', message: e.message }, { status: 404 });
  throw e;
}

/** String values of a form, without password and secret fields, to refill it after an error (repeated fields joined by newlines). */
export function keptValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) {
    if (typeof v !== 'string' || /password|losenord|current|next|repeat|[sS]ecret/.test(k))
      continue;
    out[k] = k in out ? `${out[k]}\n${v}` : v;
  }
  return out;
}

/** Reads a JSON request body, naming the body when it is not JSON. */
export async function jsonBody(request: Request): Promise<unknown> {
  let nul = false;
  let body: unknown;
  try {
    // PostgreSQL refuses text with a NUL character: a field that holds one is named below.
    body = JSON.parse(await request.text(), (_key, value: unknown) => {
      if (typeof value === 'string' && value.includes('\u0000')) nul = true;
      return value;
    });
  } catch {
    throw new ValidationError([
      {
        field: 'body',
        message: 'Skicka en JSON-kropp, till exempel {"measureId": "…", "count": 1}.'
      }
    ]);
  }
  if (nul) throw new ValidationError([{ field: nulPath(body) || 'body', message: NUL_MESSAGE }]);
  return body;
}

/** The path of the first text holding a NUL, named as validation names fields ("partyIds.0"). */
function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = nulPath(v, [...path, k]);
    if (found !== null) return found;
  }
  return null;
}

const NUL_MESSAGE = 'Värdet innehåller ett otillåtet tecken (NUL, U+0000). Ta bort det.';

/** Throws a ValidationError naming the first form field whose name or text holds a NUL. */
export function refuseNulFields(form: FormData): void {
  for (const [name, value] of form)
    if (name.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000')))
      throw new ValidationError([{ field: name.replaceAll('\u0000', ''), message: NUL_MESSAGE }]);
}

/** What every route event has: the request's locals (the app context, the actor) and its address. */
type RouteEvent = { locals: App.Locals; url: URL };

/** The event a route's own function gets: the event, the app context and the actor. */
export type Routed<E, A = Actor | null> = E & { ctx: Ctx; actor: A };

/** Where someone who must sign in first is sent: the sign-in page, back here afterwards. */
export function signInRedirect(url: URL): never {
  redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/**
 * Turns a service error in a page's load into its page: sign-in, 400, 404, or 403 (401 for someone
 * not signed in, who might be let in after signing in); anything else is rethrown.
 */
function loadFailure(e: unknown, event: RouteEvent): never {
  if (e instanceof UnauthenticatedError) signInRedirect(event.url);
  if (e instanceof NotFoundError) error(404, e.message);
  if (e instanceof ForbiddenError) error(event.locals.actor ? 403 : 401, e.message);
  if (e instanceof ValidationError) error(400, e.message);
  throw e;
}

/**
 * Runs a page's load (or a non-API endpoint): with `{ signIn: true }` someone not signed in is sent
 * to sign in first; a service's NotFoundError is a 404 page, ForbiddenError a 403 page (401 when
 * not signed in), ValidationError a 400 page and UnauthenticatedError the sign-in page.
 * SvelteKit's own redirects and errors pass through untouched.
 */
export function withLoad<E extends RouteEvent, R>(
  event: E,
  fn: (e: Routed<E, Actor>) => R | Promise<R>,
  options: { signIn: true }
): Promise<R>;
export function withLoad<E extends RouteEvent, R>(
  event: E,
  fn: (e: Routed<E>) => R | Promise<R>,
  options?: { signIn?: false }
): Promise<R>;
export async function withLoad<E extends RouteEvent, R>(
  event: E,
  fn: (e: Routed<E>) => R | Promise<R>,
  options: { signIn?: boolean } = {}
): Promise<R> {
  const actor = event.locals.actor;
  if (options.signIn && !actor) signInRedirect(event.url);
  try {
    return await fn({ ...event, ctx: event.locals.ctx, actor });
  } catch (e) {
    loadFailure(e, event);
  }
}

type ActionOptions = {
  /** Which of several forms on the page this is: a name, or read from the form. */
  which?: string | ((form: FormData) => string);
  /** false: nothing typed is sent back (forms whose only field is a row id). */
  keep?: boolean;
  /** true: a NotFoundError is the 404 page, not a form failure (a form on a page that is gone). */
  notFoundPage?: boolean;
};

/**
 * Runs a form action with the posted form read once (a body that is not a form reads as an empty
 * one): a service's ValidationError is `fail(400)` with the fields named and what was typed kept,
 * ForbiddenError 403, UnauthenticatedError 401, NotFoundError 404, tagged with `which` form
 * failed. With `{ signIn: true }` an action without a signed-in actor is a 401 failure. SvelteKit's
 * own redirects and errors pass through untouched.
 */
export function withAction<E extends RouteEvent & { request: Request }, R>(
  event: E,
  fn: (e: Routed<E, Actor> & { form: FormData }) => R | Promise<R>,
  options: ActionOptions & { signIn: true }
): Promise<R | ActionFailure<FormFailure>>;
export function withAction<E extends RouteEvent & { request: Request }, R>(
  event: E,
  fn: (e: Routed<E> & { form: FormData }) => R | Promise<R>,
  options?: ActionOptions & { signIn?: false }
): Promise<R | ActionFailure<FormFailure>>;
export async function withAction<E extends RouteEvent & { request: Request }, R>(
  event: E,
  fn: (e: Routed<E> & { form: FormData }) => R | Promise<R>,
  options: ActionOptions & { signIn?: boolean } = {}
): Promise<R | ActionFailure<FormFailure>> {
  const form = await event.request.formData().catch(() => new FormData());
  const actor = event.locals.actor;
  try {
    if (options.signIn && !actor) throw new UnauthenticatedError();
    refuseNulFields(form);
    return await fn({ ...event, ctx: event.locals.ctx, actor, form });
  } catch (e) {
    if (options.notFoundPage && e instanceof NotFoundError) error(404, e.message);
    const which = typeof options.which === 'function' ? options.which(form) : options.which;
    return formFailure(e, options.keep === false ? undefined : keptValues(form), which);
  }
}

/**
 * Runs a JSON API method: with `{ signIn: true }` a call without a token or session is a 401;
 * service errors are JSON answers naming the fields (see apiFailure).
 */
export function withApi<E extends RouteEvent>(
  event: E,
  fn: (e: Routed<E, Actor>) => Response | Promise<Response>,
  options: { signIn: true }
): Promise<Response>;
export function withApi<E extends RouteEvent>(
  event: E,
  fn: (e: Routed<E>) => Response | Promise<Response>,
  options?: { signIn?: false }
): Promise<Response>;
export async function withApi<E extends RouteEvent>(
  event: E,
  fn: (e: Routed<E>) => Response | Promise<Response>,
  options: { signIn?: boolean } = {}
): Promise<Response> {
  const actor = event.locals.actor;
  try {
    if (options.signIn && !actor)
      throw new UnauthenticatedError(
        'Skicka en API-nyckel i Authorization: Bearer … eller logga in.'
      );
    return await fn({ ...event, ctx: event.locals.ctx, actor });
  } catch (e) {
    return apiFailure(e);
  }
}

/** One text field of a form ('' when it is missing or a file). */
export function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}

/**
 * A form as a service's input: text fields trimmed, empty ones left out (so the schema's defaults
 * and optional fields apply). Files and repeated fields are not read here.
 */
export function filledFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  return out;
}
