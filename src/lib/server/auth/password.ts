import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost as a power of two; 17 is OWASP's recommendation (128 MiB, ~0.3 s). */
export const DEFAULT_PASSWORD_COST = 17;

const run = (password: string, salt: Buffer, log2n: number): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      32,
      { N: 2 ** log2n, r: 8, p: 1, maxmem: 2 ** log2n * 8 * 8 * 128 * 2 },
      (err, key) => (err ? reject(err) : resolve(key))
    )
  );

/** Hashes a password with scrypt; the cost and salt are stored in the result. */
export async function hashPassword(
  password: string,
  log2n = DEFAULT_PASSWORD_COST
): Promise<string> {
  const salt = randomBytes(16);
  const key = await run(password, salt, log2n);
  return `scrypt$${log2n}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !cost || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await run(password, Buffer.from(salt, 'base64url'), Number(cost));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The rule for a new password, in words a user can act on. */
export const PASSWORD_RULE = 'Lösenordet måste ha minst 12 tecken.';

/** True when a new password is long enough. */
export const isStrongEnough = (password: string): boolean => password.length >= 12;
