import type { Config } from '../../config';

/**
 * The address the product prints or mails for a path: the configured public address (ORIGIN),
 * else this instance's own port on localhost, never a guessed port.
 */
export function publicLink(config: Pick<Config, 'origin' | 'port'>, path: string): string {
  const base = (config.origin ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
