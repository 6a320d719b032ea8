import type { Config } from './config';

const ORDER = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof ORDER;
let threshold: Level = 'info';

/** Sets the lowest level written. */
export const setLogLevel = (level: Config['logLevel']) => {
  threshold = level;
};

/**
 * Writes one JSON line. Callers pass ids, never names, e-mails or free text from users,
 * so the application log holds no personal data beyond an actor's id.
 */
export function log(
  level: Level,
  event: string,
  fields: Record<string, string | number | boolean | null> = {}
) {
  if (ORDER[level] < ORDER[threshold]) return;
  const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...fields });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}
