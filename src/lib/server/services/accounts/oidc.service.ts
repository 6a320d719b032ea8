import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import { changerId, isAdmin, SYSTEM, type Changer } from '../../auth/policy';
import {
  authorizationRequest,
  discoverProvider,
  exchangeCode,
  isAccessDenied,
  isAllowedIssuer,
  oidcErrorCode,
  type IdTokenClaims,
  type OidcClientSettings
} from '../../auth/oidc-client';
import { hashSecret } from '../../auth/tokens';
import type { OidcProviderTable } from '../../db/schema';
import {
  deleteExpiredOidcStates,
  findIdentityUser,
  findOidcProvider,
  findOidcProviderByIssuer,
  hasMembership,
  insertIdentity,
  insertOidcProvider,
  insertOidcState,
  listOidcProviderRows,
  takeOidcState,
  updateOidcProvider
} from '../../db/repositories/accounts/oidc.repository';
import { findOrganisation } from '../../db/repositories/accounts/organisation.repository';
import { findUserByEmail } from '../../db/repositories/accounts/user.repository';
import { log } from '../../log';
import { openSession } from './auth.service';
import { recordAudit } from '../shared/audit.service';
import {
  fieldErrorsFromZod,
  ForbiddenError,
  NotFoundError,
  ValidationError
} from '../shared/errors';
import { safeNext } from './next-path';
import { displayName, resolveOrganisation } from './organisation.service';

/** A sign-in through a provider was refused; the message tells the person what to do, in Swedish. */
export class OidcSignInError extends Error {}

/** A provider as an administrator sees it: never the client secret. */
export type OidcProviderView = {
  id: string;
  organisationId: string;
  organisationName: string;
  name: string;
  issuer: string;
  clientId: string;
  scopes: string;
  enabled: boolean;
  createdAt: string;
};

/** A button on the sign-in page. */
export type SignInProvider = { id: string; name: string };

/** The cookie that holds the state between the redirect to the provider and the callback. */
export const OIDC_STATE_COOKIE = 'loften_oidc_state';

/** The refusal for a person without an account: accounts are made by administrators, never at sign-in. */
export const NO_ACCOUNT =
  'Ditt konto finns inte i Löften ännu. Be en administratör lägga till dig.';
const DISABLED = 'Ditt konto i Löften är avstängt. Kontakta en administratör.';
const STALE =
  'Inloggningen kunde inte slutföras: den har gått ut, redan använts eller startades i en annan webbläsare. Börja om från inloggningssidan.';

const DEFAULT_SCOPES = 'openid email profile';
const STATE_MINUTES = 10;

const presentProvider = (
  r: OidcProviderTable & { organisation_name: string; organisation_kind: string }
): OidcProviderView => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisationName: displayName({ name: r.organisation_name, kind: r.organisation_kind }),
  name: r.name,
  issuer: r.issuer,
  clientId: r.client_id,
  scopes: r.scopes,
  enabled: r.enabled === 1,
  createdAt: r.created_at
});

const assertAdmin = (actor: Changer) => {
  if (actor !== SYSTEM && !isAdmin(actor))
    throw new ForbiddenError('Bara administratörer får hantera inloggning via OpenID Connect.');
};

const settingsOf = (p: OidcProviderTable): OidcClientSettings => ({
  issuer: p.issuer,
  clientId: p.client_id,
  clientSecret: p.client_secret
});

const configureInput = z.object({
  organisation: z
    .string()
    .trim()
    .min(1, { message: 'Ange organisationen: id, kommunkod eller exakt namn.' }),
  name: z
    .string()
    .trim()
    .min(1, { message: 'Skriv texten på inloggningsknappen, till exempel "Polisens inloggning".' })
    .max(100, { message: 'Knapptexten får vara högst 100 tecken.' }),
  issuer: z
    .url({ message: 'Ange utfärdarens adress (issuer), till exempel https://login.polisen.se.' })
    .refine(isAllowedIssuer, {
      message: 'Utfärdarens adress måste börja med https:// (http går bara mot den egna datorn).'
    }),
  clientId: z.string().trim().min(1, { message: 'Ange klient-id (client id).' }).max(500),
  clientSecret: z.string().min(1, { message: 'Ange klienthemligheten (client secret).' }).max(2000),
  scopes: z
    .string()
    .trim()
    .default(DEFAULT_SCOPES)
    .refine((s) => s.split(/\s+/).includes('openid'), {
      message: 'Omfånget (scopes) måste innehålla openid, till exempel "openid email profile".'
    }),
  enabled: z.boolean().default(true)
});

/**
 * Adds an organisation's identity provider, or updates the one it has for the same issuer.
 * Checks that the issuer answers discovery, so a typo is found now rather than at sign-in.
 */
export async function configureOidcProvider(
  ctx: Ctx,
  actor: Changer,
  input: unknown
): Promise<OidcProviderView & { created: boolean }> {
  assertAdmin(actor);
  const parsed = configureInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const v = parsed.data;
  const org = await resolveOrganisation(ctx, v.organisation);
  if (!org)
    throw new ValidationError([
      {
        field: 'organisation',
        message: `Hittade ingen organisation "${v.organisation}". Ange id, kommunkod (fyra siffror) eller exakt namn.`
      }
    ]);
  try {
    await discoverProvider({
      issuer: v.issuer,
      clientId: v.clientId,
      clientSecret: v.clientSecret
    });
  } catch (e) {
    throw new ValidationError([
      {
        field: 'issuer',
        message: `Fick inga giltiga OpenID Connect-inställningar från ${v.issuer} (${e instanceof Error ? e.message : String(e)}). Kontrollera adressen; den ska vara exakt utfärdarens (issuer).`
      }
    ]);
  }
  const scopes = v.scopes.split(/\s+/).join(' ');
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findOidcProviderByIssuer(trx, org.id, v.issuer);
    const settings = {
      name: v.name,
      client_id: v.clientId,
      client_secret: v.clientSecret,
      scopes,
      enabled: v.enabled ? 1 : 0
    };
    const row: OidcProviderTable = existing
      ? { ...existing, ...settings }
      : { id: newId(), organisation_id: org.id, issuer: v.issuer, created_at: now, ...settings };
    if (existing) await updateOidcProvider(trx, row.id, settings);
    else await insertOidcProvider(trx, row);
    const orgOf = { organisation_name: org.name, organisation_kind: org.kind };
    const view = presentProvider({ ...row, ...orgOf });
    // The audit trail says whether the secret changed, never what it is.
    const audited = ({ id: _id, organisationName: _o, createdAt: _c, ...rest }: OidcProviderView) =>
      rest;
    await recordAudit(trx, ctx.now(), {
      actorId: changerId(actor),
      organisationId: org.id,
      action: 'oidc.configure',
      entity: 'oidc_provider',
      entityId: row.id,
      before: existing ? audited(presentProvider({ ...existing, ...orgOf })) : undefined,
      after: {
        ...audited(view),
        secretChanged: !existing || existing.client_secret !== v.clientSecret
      }
    });
    return { ...view, created: !existing };
  });
}

/** Every configured provider, for an administrator. */
export async function listOidcProviders(ctx: Ctx, actor: Changer): Promise<OidcProviderView[]> {
  assertAdmin(actor);
  return (await listOidcProviderRows(ctx.db, false)).map(presentProvider);
}

/** The enabled providers, one button each on the sign-in page. */
export async function listSignInProviders(ctx: Ctx): Promise<SignInProvider[]> {
  return (await listOidcProviderRows(ctx.db, true)).map((r) => ({ id: r.id, name: r.name }));
}

/** Where providers send the browser back: the public origin when set, else the request's. */
export const oidcRedirectUri = (ctx: Ctx, requestOrigin: string): string =>
  `${(ctx.config.origin ?? requestOrigin).replace(/\/+$/, '')}/logga-in/oidc/callback`;

/**
 * Starts a sign-in: stores state, nonce and PKCE verifier for the callback and returns the
 * provider's authorization URL. The state also goes into a cookie, tying the callback to this browser.
 */
export async function beginOidcSignIn(
  ctx: Ctx,
  input: { providerId: string; redirectUri: string; next?: string | null }
): Promise<{ url: URL; state: string }> {
  const provider = await findOidcProvider(ctx.db, input.providerId);
  if (!provider || provider.enabled !== 1)
    throw new NotFoundError('Den inloggningen finns inte. Välj en annan på inloggningssidan.');
  const { url, checks } = await authorizationRequest(
    settingsOf(provider),
    input.redirectUri,
    provider.scopes
  ).catch((e: unknown) => {
    log('warn', 'oidc.discovery.failed', { provider: provider.id, error: oidcErrorCode(e) });
    throw new OidcSignInError(
      `${provider.name} svarar inte just nu. Försök igen om en stund, eller logga in med lösenord.`
    );
  });
  const now = ctx.now();
  await deleteExpiredOidcStates(ctx.db, now.toISOString());
  await insertOidcState(ctx.db, {
    state_hash: hashSecret(checks.state),
    provider_id: provider.id,
    nonce: checks.nonce,
    code_verifier: checks.codeVerifier,
    // Only a path on this site, parsed against the origin the provider sends the browser back to.
    next_path: safeNext(input.next, new URL(input.redirectUri).origin),
    expires_at: new Date(now.getTime() + STATE_MINUTES * 60_000).toISOString()
  });
  return { url, state: checks.state };
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Finishes a sign-in at the callback: takes the state once, exchanges the code, verifies the ID
 * token and its nonce, finds the account (or links one by verified e-mail within the provider's
 * organisation) and opens a session. Never creates an account.
 */
export async function finishOidcSignIn(
  ctx: Ctx,
  input: { callbackUrl: URL; redirectUri: string; browserState: string | undefined }
): Promise<{ userId: string; sessionSecret: string; expiresAt: Date; next: string }> {
  const state = input.callbackUrl.searchParams.get('state');
  if (!state || !input.browserState || !sameSecret(state, input.browserState))
    throw new OidcSignInError(STALE);
  const pending = await takeOidcState(ctx.db, hashSecret(state));
  if (!pending || pending.expires_at <= ctx.now().toISOString()) throw new OidcSignInError(STALE);
  const provider = await findOidcProvider(ctx.db, pending.provider_id);
  if (!provider || provider.enabled !== 1)
    throw new OidcSignInError('Den inloggningen är avstängd. Logga in på annat sätt.');

  let claims: IdTokenClaims;
  try {
    claims = await exchangeCode(settingsOf(provider), input.callbackUrl, input.redirectUri, {
      state,
      nonce: pending.nonce,
      codeVerifier: pending.code_verifier
    });
  } catch (e) {
    log('warn', 'oidc.sign-in.failed', { provider: provider.id, error: oidcErrorCode(e) });
    if (isAccessDenied(e))
      throw new OidcSignInError(`Inloggningen avbröts hos ${provider.name}. Försök igen.`);
    throw new OidcSignInError(
      `Inloggningen hos ${provider.name} kunde inte slutföras. Försök igen; hjälper det inte, kontakta en administratör.`
    );
  }

  const linked = await findIdentityUser(ctx.db, provider.id, claims.sub);
  if (linked?.disabled_at) throw new OidcSignInError(DISABLED);
  const userId = linked?.id ?? (await linkByEmail(ctx, provider, claims));
  log('info', 'oidc.sign-in', { provider: provider.id, user: userId });
  const next = safeNext(pending.next_path, new URL(input.redirectUri).origin);
  return { userId, next, ...(await openSession(ctx, userId)) };
}

/** The first sign-in of a subject: link it to the account with its verified e-mail, if that account belongs to the provider's organisation. */
async function linkByEmail(
  ctx: Ctx,
  provider: OidcProviderTable,
  claims: IdTokenClaims
): Promise<string> {
  const email =
    claims.email_verified === true && typeof claims.email === 'string' ? claims.email : null;
  const user = email ? await findUserByEmail(ctx.db, email) : undefined;
  if (!user) throw new OidcSignInError(NO_ACCOUNT);
  if (user.disabled_at) throw new OidcSignInError(DISABLED);
  if (!(await hasMembership(ctx.db, user.id, provider.organisation_id))) {
    const org = await findOrganisation(ctx.db, provider.organisation_id);
    throw new OidcSignInError(
      `${provider.name} gäller ${org ? displayName(org) : 'en annan organisation'}, och ditt konto i Löften hör inte dit. Logga in på annat sätt, eller be en administratör lägga till dig.`
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await insertIdentity(trx, {
      provider_id: provider.id,
      subject: claims.sub,
      user_id: user.id,
      created_at: ctx.now().toISOString()
    });
    await recordAudit(trx, ctx.now(), {
      actorId: user.id,
      organisationId: provider.organisation_id,
      action: 'oidc.link',
      entity: 'user',
      entityId: user.id,
      after: { providerId: provider.id, issuer: provider.issuer, subject: claims.sub }
    });
  });
  return user.id;
}
