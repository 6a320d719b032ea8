import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { hashSecret, newSecret } from '../../auth/tokens';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import { findOrganisation } from '../../db/repositories/accounts/organisation.repository';
import {
  confirmPending,
  deleteLapsed,
  deleteSubscription,
  findPendingByToken,
  findSubscription,
  findSubscriptionByEmail,
  insertSubscription,
  renewPending
} from '../../db/repositories/publication/subscription.repository';
import { confirmationMail } from '../../render/publication/subscription-mail';
import { publicLink } from '../accounts/public-address';
import { NotFoundError, ValidationError } from '../shared/errors';
import { hit, isLimited, type Limit } from '../shared/rate-limit.service';
import { parseInput } from '../shared/validation';
import { publicMunicipality } from './report-public.service';
import { sendSubscriptionMail } from './subscription-mail.service';

/** How long a confirmation link works; unconfirmed requests are deleted after it. */
export const CONFIRM_DAYS = 7;

/** Requests from one address (IP) per hour, and confirmation mails to one e-mail address per day. */
const PER_CLIENT = { max: 10, windowMinutes: 60 };
const PER_ADDRESS = { max: 3, windowMinutes: 24 * 60 };

const subscribeInput = z.object({
  email: z
    .string({ message: 'Skriv din e-postadress.' })
    .trim()
    .toLowerCase()
    .min(1, { message: 'Skriv din e-postadress.' })
    .max(254, { message: 'E-postadressen får vara högst 254 tecken.' })
    .pipe(z.email({ message: 'Skriv en hel e-postadress, till exempel namn@exempel.se.' }))
});

/** What the subscribe page shows: the municipality, whether e-mail works here, and the other ways to follow. */
export async function subscriptionOffer(ctx: Ctx, code: string) {
  const m = await publicMunicipality(ctx, code);
  return {
    municipality: { code: m.code, name: m.name, officialName: m.officialName },
    mailAvailable: ctx.config.mail !== null,
    confirmDays: CONFIRM_DAYS,
    feed: `/kommuner/${code}/flode`,
    calendar: `/kommuner/${code}/evenemang.ics`
  };
}

/** The unsubscribe token of a subscription: its id and an HMAC of it, so nothing more is stored. */
function unsubscribeKey(ctx: Ctx): Buffer {
  // A key of its own, derived from the audit key (kept outside the database).
  return createHmac('sha256', ctx.config.audit.key).update('loften-unsubscribe-v1').digest();
}

const mac = (ctx: Ctx, id: string) =>
  createHmac('sha256', unsubscribeKey(ctx)).update(id).digest('base64url');

/** The one-click unsubscribe link of a subscription (in every e-mail). */
export const unsubscribeLink = (ctx: Ctx, subscriptionId: string): string =>
  publicLink(
    ctx.config,
    `/prenumeration/avsluta?token=${encodeURIComponent(`${subscriptionId}.${mac(ctx, subscriptionId)}`)}`
  );

/** The subscription id an unsubscribe token names, or null when the token is not genuine. */
function idOfToken(ctx: Ctx, token: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 1) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(ctx, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

const limitKey = (kind: string, value: string) =>
  `subscribe:${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 32)}`;

/**
 * Asks for a subscription: checks the address, counts the request against the limits, keeps the
 * address with a hashed one-time token, and mails the confirmation link. The answer is the same
 * whether or not the address already subscribes, so the form tells no one who does.
 */
export async function requestSubscription(
  ctx: Ctx,
  code: string,
  input: unknown,
  client: { address: string }
): Promise<{ email: string; days: number }> {
  const m = await publicMunicipality(ctx, code);
  if (!ctx.config.mail)
    throw new ValidationError([
      {
        field: 'email',
        message:
          'Prenumeration med e-post finns inte här. Följ i stället flödet eller kalendern (länkarna på sidan).'
      }
    ]);
  const { email } = parseInput(subscribeInput, input);
  const limits: Limit[] = [
    { key: limitKey('client', client.address), ...PER_CLIENT },
    { key: limitKey('address', email), ...PER_ADDRESS }
  ];
  for (const limit of limits)
    if (await isLimited(ctx, limit))
      throw new ValidationError([
        {
          field: 'email',
          message:
            'Det har kommit för många anmälningar härifrån eller till den adressen. Försök igen i morgon.'
        }
      ]);
  for (const limit of limits) await hit(ctx, limit);

  const now = ctx.now();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + CONFIRM_DAYS * 86_400_000).toISOString();
  const existing = await findSubscriptionByEmail(ctx.db, m.id, email);
  if (existing?.confirmed_at) return { email, days: CONFIRM_DAYS };
  if (existing) await renewPending(ctx.db, existing.id, hashSecret(token), expiresAt);
  else
    await insertSubscription(ctx.db, {
      id: newId(),
      municipality_id: m.id,
      email,
      confirm_token_hash: hashSecret(token),
      expires_at: expiresAt,
      confirmed_at: null,
      created_at: now.toISOString()
    });
  const link = publicLink(ctx.config, `/prenumeration/bekrafta?token=${encodeURIComponent(token)}`);
  await sendSubscriptionMail(ctx.config.mail, email, {
    ...confirmationMail({ municipality: m.officialName, link, days: CONFIRM_DAYS }),
    headers: {}
  });
  return { email, days: CONFIRM_DAYS };
}

const tokenText = z.string().trim().min(1).max(200).catch('');

const GONE =
  'Länken fungerar inte längre: den har redan använts eller är äldre än sju dagar. Anmäl dig igen på kommunens sida.';

/** The municipality a waiting request is for, to show before it is confirmed; NotFound when the link is used or old. */
export async function pendingSubscription(ctx: Ctx, token: unknown) {
  const t = tokenText.parse(token);
  const row = t ? await findPendingByToken(ctx.db, hashSecret(t), ctx.now().toISOString()) : null;
  if (!row) throw new NotFoundError(GONE);
  return municipalityOf(ctx, row.municipality_id);
}

async function municipalityOf(ctx: Ctx, municipalityId: string) {
  const org = await findOrganisation(ctx.db, municipalityId);
  if (!org?.code) throw new NotFoundError(GONE);
  const m = await publicMunicipality(ctx, org.code);
  return { code: m.code, name: m.name, officialName: m.officialName };
}

/** Confirms a subscription with the link's token (once); NotFound when the link is used or old. */
export async function confirmSubscription(ctx: Ctx, token: unknown) {
  const t = tokenText.parse(token);
  const now = ctx.now().toISOString();
  const row = t ? await findPendingByToken(ctx.db, hashSecret(t), now) : null;
  if (!row || !(await confirmPending(ctx.db, row.id, now))) throw new NotFoundError(GONE);
  return {
    municipality: await municipalityOf(ctx, row.municipality_id),
    unsubscribe: unsubscribeLink(ctx, row.id)
  };
}

/** Whom an unsubscribe link is for: the municipality, or null when the subscription is already gone. */
export async function subscriptionOfLink(ctx: Ctx, token: unknown) {
  const id = idOfToken(ctx, tokenText.parse(token));
  const row = id ? await findSubscription(ctx.db, id) : undefined;
  return row ? { municipality: await municipalityOf(ctx, row.municipality_id) } : null;
}

/**
 * Ends a subscription with its link's token: the address and what was sent to it are deleted.
 * Needs no session (RFC 8058 one-click); a link that was already used answers the same.
 */
export async function unsubscribe(ctx: Ctx, token: unknown): Promise<{ removed: boolean }> {
  const id = idOfToken(ctx, tokenText.parse(token));
  if (!id)
    throw new ValidationError([
      { field: 'token', message: 'Länken är inte hel. Kopiera hela länken från mejlet.' }
    ]);
  return { removed: await deleteSubscription(ctx.db, id) };
}

/** Deletes requests nobody confirmed in time; how many. */
export const deleteLapsedRequests = (ctx: Ctx): Promise<number> =>
  deleteLapsed(ctx.db, ctx.now().toISOString());
