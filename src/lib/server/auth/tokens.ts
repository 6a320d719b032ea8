import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an API token. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Secrets are stored only as their SHA-256, so a leaked table opens nothing. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');
