import { NotFoundError, ValidationError } from '../services/shared/errors';

// PostgreSQL refuses text with a NUL character (U+0000) outright, so a NUL in an id or a
// parameter must be answered before it reaches a query: no id has one, and no parameter takes one.
// (SQLite stores it; both databases answer alike this way.) Found by `npm run fuzz`.

/** Throws "not found" when a path id holds a NUL: nothing has such an id. */
export function refuseNulId(id: string, message: string): void {
  if (id.includes('\u0000')) throw new NotFoundError(message);
}

/** Throws a 400 naming the first query parameter whose name or value holds a NUL. */
export function refuseNulQuery(params: URLSearchParams): void {
  for (const [name, value] of params)
    if (name.includes('\u0000') || value.includes('\u0000'))
      throw new ValidationError([
        {
          field: name.replaceAll('\u0000', ''),
          message: 'Värdet innehåller ett otillåtet tecken (NUL, U+0000).'
        }
      ]);
}
