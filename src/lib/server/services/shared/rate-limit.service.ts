import type { Ctx } from '../../context';
import {
  currentCount,
  increment,
  release,
  reserve,
  reset,
  settleFailure
} from '../../db/repositories/shared/rate-limit.repository';

/** A limit: at most `max` hits per `windowMinutes`, shared by every app server through the database. */
export type Limit = { key: string; max: number; windowMinutes: number };

const windowStart = (now: Date, minutes: number): string =>
  new Date(now.getTime() - minutes * 60_000).toISOString();

/** True when the key has used up its window. */
export async function isLimited(ctx: Ctx, limit: Limit): Promise<boolean> {
  return (
    (await currentCount(ctx.db, limit.key, windowStart(ctx.now(), limit.windowMinutes))) >=
    limit.max
  );
}

/** Counts one hit against the key. */
export async function hit(ctx: Ctx, limit: Limit): Promise<void> {
  const now = ctx.now();
  await increment(ctx.db, limit.key, now.toISOString(), windowStart(now, limit.windowMinutes));
}

/** Clears the key. */
export const clearLimit = (ctx: Ctx, key: string): Promise<void> => reset(ctx.db, key);

/**
 * A limit with growing delays: `free` attempts, then each failure doubles the wait (from
 * `firstDelaySeconds`, at most `maxDelaySeconds`); the key is forgotten after `forgetMinutes`
 * without a failure.
 */
export type DelayLimit = {
  key: string;
  free: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  forgetMinutes: number;
};

/** A reserved attempt, to settle with `recordFailure` or `releaseAttempt`. */
export type Reservation = { limit: DelayLimit; token: string; count: number };

// How long a reservation holds its key while its attempt is checked; far longer than a check takes.
const HOLD_SECONDS = 60;

/** The wait after the `count`th failure under a limit, in seconds (0 while attempts are free). */
export const delayAfter = (limit: DelayLimit, count: number): number =>
  count < limit.free
    ? 0
    : Math.min(
        limit.maxDelaySeconds,
        limit.firstDelaySeconds * 2 ** Math.min(30, count - limit.free)
      );

/**
 * Reserves one attempt atomically, before anything is checked. Answers the reservation, or how
 * many seconds to wait when the key is waiting out a delay or held by an attempt being checked.
 */
export async function reserveAttempt(
  ctx: Ctx,
  limit: DelayLimit
): Promise<{ ok: true; reservation: Reservation } | { ok: false; retryAfterSeconds: number }> {
  const now = ctx.now();
  const token = crypto.randomUUID();
  const row = await reserve(ctx.db, {
    key: limit.key,
    token,
    now: now.toISOString(),
    forgetBefore: new Date(now.getTime() - limit.forgetMinutes * 60_000).toISOString(),
    free: limit.free,
    hold: new Date(now.getTime() + HOLD_SECONDS * 1000).toISOString()
  });
  if (row.attempt !== token) {
    const wait = row.not_before ? Date.parse(row.not_before) - now.getTime() : 0;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
  }
  return { ok: true, reservation: { limit, token, count: row.count } };
}

/** The reserved attempt failed: the key waits its growing delay. */
export async function recordFailure(ctx: Ctx, r: Reservation): Promise<void> {
  const now = ctx.now();
  const wait = delayAfter(r.limit, r.count);
  await settleFailure(
    ctx.db,
    r.limit.key,
    r.token,
    now.toISOString(),
    wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null
  );
}

/** The reserved attempt was not a failure (it was not checked, or it succeeded): give it back. */
export const releaseAttempt = (ctx: Ctx, r: Reservation): Promise<void> =>
  release(ctx.db, r.limit.key, r.token);
