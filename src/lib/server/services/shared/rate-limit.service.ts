import type { Ctx } from '../../context';
import { currentCount, increment, reset } from '../../db/repositories/shared/rate-limit.repository';

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
