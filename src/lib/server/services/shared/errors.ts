/** One field that was wrong, and what to do about it, in Swedish. */
export type FieldError = { field: string; message: string };

/** Input did not pass validation: a list of fields, each with what to do. */
export class ValidationError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
  }
}

/** The actor may not do this. */
export class ForbiddenError extends Error {
  constructor(message = 'Du har inte behörighet att göra detta.') {
    super(message);
  }
}

/** Nobody is signed in, or the token is not valid. */
export class UnauthenticatedError extends Error {
  constructor(message = 'Logga in för att fortsätta.') {
    super(message);
  }
}

/** The thing asked for does not exist (or is not visible to the actor). */
export class NotFoundError extends Error {
  constructor(message = 'Hittades inte.') {
    super(message);
  }
}

/** Turns zod issues into field errors. */
export function fieldErrorsFromZod(
  issues: { path: PropertyKey[]; message: string }[]
): FieldError[] {
  return issues.map((i) => ({
    field: i.path.map(String).join('.') || 'input',
    message: i.message
  }));
}
