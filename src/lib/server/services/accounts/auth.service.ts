import { z } from 'zod';
import type { Ctx } from '../../context';
import { hashPassword, isStrongEnough, PASSWORD_RULE, verifyPassword } from '../../auth/password';
import type { Actor } from '../../auth/policy';
import { hashSecret, newSecret } from '../../auth/tokens';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  insertSession,
  touchSession
} from '../../db/repositories/accounts/session.repository';
import {
  findUserByEmail,
  findUserById,
  userWithMemberships,
  insertOneTimeLogin,
  redeemOneTimeLoginRow,
  setPasswordHash
} from '../../db/repositories/accounts/user.repository';
import { recordAudit } from '../shared/audit.service';
import { fieldErrorsFromZod, ValidationError } from '../shared/errors';
import {
  clearLimit,
  type DelayLimit,
  recordFailure,
  releaseAttempt,
  type Reservation,
  reserveAttempt
} from '../shared/rate-limit.service';

/** The result of a sign-in attempt. */
export type SignInResult =
  | { ok: true; sessionSecret: string; expiresAt: Date; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

const signInInput = z.object({
  email: z.string().trim().min(1, { message: 'Skriv din e-postadress.' }).max(320),
  password: z.string().min(1, { message: 'Skriv ditt lösenord.' }).max(1000)
});

/** Where an attempt comes from: the client's network address. */
export type SignInOrigin = { address: string };

/**
 * The sign-in limits (docs/SECURITY.md): per account and address, `loginMaxFailures` free
 * failures, then waits that double from 30 seconds up to `loginWindowMinutes`; per address
 * (spraying across accounts, an office behind one address), six times as many. Nothing locks the
 * account itself, so the owner signing in from another address is never held up by an attacker.
 */
export function signInLimits(
  ctx: Ctx,
  email: string,
  from: SignInOrigin
): [DelayLimit, DelayLimit] {
  const address = hashSecret(from.address || 'okänd');
  const common = {
    firstDelaySeconds: 30,
    maxDelaySeconds: ctx.config.loginWindowMinutes * 60,
    forgetMinutes: ctx.config.loginWindowMinutes * 4
  };
  return [
    {
      ...common,
      key: `login:account-address:${hashSecret(`${email.trim().toLowerCase()}\n${from.address}`)}`,
      free: ctx.config.loginMaxFailures
    },
    { ...common, key: `login:address:${address}`, free: ctx.config.loginMaxFailures * 6 }
  ];
}

// A hash of the same cost as a new password's, so an unknown e-mail costs as much time as a known one.
let dummyHash: Promise<string> | null = null;

/**
 * Checks e-mail and password and opens a session. The attempt is reserved against the limits
 * before the password is checked, so a burst of parallel attempts checks at most the free ones.
 */
export async function signIn(
  ctx: Ctx,
  input: unknown,
  from: SignInOrigin = { address: '' }
): Promise<SignInResult> {
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const { email, password } = parsed.data;
  const reservations: Reservation[] = [];
  for (const limit of signInLimits(ctx, email, from)) {
    const reserved = await reserveAttempt(ctx, limit);
    if (!reserved.ok) {
      for (const r of reservations) await releaseAttempt(ctx, r);
      return { ok: false, reason: 'throttled', retryAfterSeconds: reserved.retryAfterSeconds };
    }
    reservations.push(reserved.reservation);
  }
  const [accountAddress, address] = reservations as [Reservation, Reservation];
  let valid = false;
  let user: Awaited<ReturnType<typeof findUserByEmail>>;
  try {
    user = await findUserByEmail(ctx.db, email);
    const hash = user?.password_hash ?? (await (dummyHash ??= hashPassword('not a password')));
    valid = (await verifyPassword(password, hash)) && !!user?.password_hash && !user.disabled_at;
  } catch (e) {
    for (const r of reservations) await releaseAttempt(ctx, r);
    throw e;
  }
  if (!user || !valid) {
    for (const r of reservations) await recordFailure(ctx, r);
    return { ok: false, reason: 'invalid' };
  }
  await clearLimit(ctx, accountAddress.limit.key);
  await releaseAttempt(ctx, address);
  return { ok: true, userId: user.id, ...(await openSession(ctx, user.id)) };
}

/** Opens a session for a user and returns the cookie's secret. */
export async function openSession(
  ctx: Ctx,
  userId: string
): Promise<{ sessionSecret: string; expiresAt: Date }> {
  const now = ctx.now();
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  await insertSession(ctx.db, {
    id: hashSecret(secret),
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    last_seen_at: now.toISOString()
  });
  return { sessionSecret: secret, expiresAt };
}

/** Builds the actor for a user id. */
export async function actorFor(ctx: Ctx, userId: string, viaToken = false): Promise<Actor | null> {
  const user = await userWithMemberships(ctx.db, userId);
  if (!user || user.disabled_at) return null;
  return {
    userId,
    name: user.name,
    email: user.email,
    memberships: user.memberships,
    ...(viaToken ? { viaToken } : {})
  };
}

/** The signed-in actor for a cookie secret, sliding the expiry forward; null when expired or unknown. */
export async function resolveSession(
  ctx: Ctx,
  secret: string | undefined
): Promise<{ actor: Actor; expiresAt: Date } | null> {
  if (!secret) return null;
  const now = ctx.now();
  const id = hashSecret(secret);
  const session = await findLiveSession(ctx.db, id, now.toISOString());
  if (!session) return null;
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  // Write at most once a minute per session, not on every request.
  if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) {
    await touchSession(ctx.db, id, now.toISOString(), expiresAt.toISOString());
  }
  const actor = await actorFor(ctx, session.user_id);
  return actor ? { actor, expiresAt } : null;
}

/** Ends the session behind a cookie secret. */
export async function signOut(ctx: Ctx, secret: string | undefined): Promise<void> {
  if (secret) await deleteSession(ctx.db, hashSecret(secret));
}

const changeInput = z.object({
  current: z.string().default(''),
  next: z.string().refine(isStrongEnough, { message: PASSWORD_RULE }),
  repeat: z.string()
});

/** Changes the actor's password after checking the current one; other sessions are ended. */
export async function changePassword(
  ctx: Ctx,
  actor: Actor,
  sessionSecret: string | undefined,
  input: unknown
) {
  const parsed = changeInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const { current, next, repeat } = parsed.data;
  if (next !== repeat)
    throw new ValidationError([
      { field: 'repeat', message: 'Lösenorden är inte lika. Skriv samma nya lösenord två gånger.' }
    ]);
  const user = await findUserById(ctx.db, actor.userId);
  // An account opened by a one-time link has no password yet: it sets its first one here.
  if (user?.password_hash && !(await verifyPassword(current, user.password_hash))) {
    throw new ValidationError([
      { field: 'current', message: 'Det nuvarande lösenordet stämmer inte.' }
    ]);
  }
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, actor.userId, hash);
    await deleteSessionsOfUser(
      trx,
      actor.userId,
      sessionSecret ? hashSecret(sessionSecret) : undefined
    );
    await recordAudit(trx, ctx.now(), {
      actorId: actor.userId,
      organisationId: null,
      action: 'password.change',
      entity: 'user',
      entityId: actor.userId
    });
  });
}

/** Creates a one-time sign-in link secret for a user, valid for `hours`. */
export async function createOneTimeLogin(ctx: Ctx, userId: string, hours = 24): Promise<string> {
  const secret = newSecret();
  await insertOneTimeLogin(ctx.db, {
    token_hash: hashSecret(secret),
    user_id: userId,
    expires_at: new Date(ctx.now().getTime() + hours * 3_600_000).toISOString(),
    used_at: null
  });
  return secret;
}

/** Uses a one-time sign-in secret once and opens a session. */
export async function redeemOneTimeLogin(ctx: Ctx, secret: string) {
  const now = ctx.now().toISOString();
  const used = await redeemOneTimeLoginRow(ctx.db, hashSecret(secret), now);
  if (!used) return null;
  return { userId: used.user_id, ...(await openSession(ctx, used.user_id)) };
}

/** Removes expired sessions; run now and then. */
export const pruneSessions = (ctx: Ctx) => deleteExpiredSessions(ctx.db, ctx.now().toISOString());

/** True when the user has set a password (an account opened by a one-time link has not). */
export async function hasPassword(ctx: Ctx, userId: string): Promise<boolean> {
  return !!(await findUserById(ctx.db, userId))?.password_hash;
}
