import { z } from 'zod';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  claimDigest,
  digestRecipientIds,
  findDigestSubscription,
  releaseDigest,
  upsertDigestSubscription
} from '../../db/repositories/follow-up/due.repository';
import { actorFor } from '../accounts/auth.service';
import { dueFor, type DueReport } from './due.service';
import { fieldErrorsFromZod, ValidationError } from '../shared/errors';
import { startOfStockholmWeek } from '../../../core/stockholm-time';

/** Days ahead a weekly digest lists dated obligations for. */
export const DIGEST_HORIZON_DAYS = 14;

/** The actor's weekly digest: whether this server sends e-mail at all, and whether they get it. */
export type DigestSettings = { available: boolean; enabled: boolean; lastSentAt: string | null };

/** The actor's digest settings. */
export async function digestSettings(ctx: Ctx, actor: Actor): Promise<DigestSettings> {
  const row = await findDigestSubscription(ctx.db, actor.userId);
  return {
    available: ctx.config.mail !== null,
    enabled: row?.enabled === 1,
    lastSentAt: row?.last_sent_at ?? null
  };
}

const input = z.object({
  enabled: z.enum(['true', 'false'], { message: 'Välj om du vill ha veckobrevet eller inte.' })
});

/** Turns the actor's weekly digest on or off (it is off until they ask for it). */
export async function setDigest(ctx: Ctx, actor: Actor, raw: unknown): Promise<DigestSettings> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  await upsertDigestSubscription(
    ctx.db,
    actor.userId,
    parsed.data.enabled === 'true',
    ctx.now().toISOString()
  );
  return digestSettings(ctx, actor);
}

/** Users whose digest is on and not yet sent this week (in Swedish time). */
export const digestRecipients = (ctx: Ctx): Promise<string[]> =>
  digestRecipientIds(ctx.db, startOfStockholmWeek(ctx.now()).toISOString());

/** A claim on one user's digest for this week; give it back with releaseWeeklyDigest if sending fails. */
export type DigestClaim = { userId: string; at: string; previous: string | null };

/** Claims this week's digest for a user: null when it is off, or sent or being sent by another server. */
export async function claimWeeklyDigest(ctx: Ctx, userId: string): Promise<DigestClaim | null> {
  const previous = (await findDigestSubscription(ctx.db, userId))?.last_sent_at ?? null;
  const at = ctx.now().toISOString();
  const since = startOfStockholmWeek(ctx.now()).toISOString();
  return (await claimDigest(ctx.db, userId, since, at)) ? { userId, at, previous } : null;
}

/** Gives a claim back so the next run tries that user again. */
export async function releaseWeeklyDigest(ctx: Ctx, claim: DigestClaim): Promise<void> {
  await releaseDigest(ctx.db, claim.userId, claim.at, claim.previous);
}

/** What one user's digest says: their address and what is due; null when nothing is (then nothing is sent). */
export async function digestFor(
  ctx: Ctx,
  userId: string
): Promise<{ to: string; name: string; report: DueReport } | null> {
  const actor = await actorFor(ctx, userId);
  if (!actor) return null;
  const report = await dueFor(ctx, actor, { horizonDays: DIGEST_HORIZON_DAYS });
  const worth = report.obligations.length > 0 || report.items.some((i) => i.state !== 'done');
  return worth ? { to: actor.email, name: actor.name, report } : null;
}
