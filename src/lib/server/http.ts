import { fail, json, type ActionFailure } from '@sveltejs/kit';
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

/** String values of a form, without password fields, to refill it after an error (repeated fields joined by newlines). */
export function keptValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form) {
    if (typeof v !== 'string' || /password|losenord|current|next|repeat/.test(k)) continue;
    out[k] = k in out ? `${out[k]}\n${v}` : v;
  }
  return out;
}

/** Reads a JSON request body, naming the body when it is not JSON. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ValidationError([
      {
        field: 'body',
        message: 'Skicka en JSON-kropp, till exempel {"measureId": "…", "count": 1}.'
      }
    ]);
  }
}
