import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, openTestContext, type TestClock } from '../../../../../test/support/databases';
import { makeUser } from '../../../../../test/support/factories';
import {
  startFakeOidcProvider,
  type FakeOidcProvider
} from '../../../../../test/support/fake-oidc-provider';
import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import { resolveSession } from './auth.service';
import { verifyAuditChain } from '../shared/audit.service';
import { ForbiddenError, ValidationError } from '../shared/errors';
import {
  beginOidcSignIn,
  configureOidcProvider,
  finishOidcSignIn,
  listOidcProviders,
  listSignInProviders,
  NO_ACCOUNT,
  OidcSignInError,
  oidcRedirectUri
} from './oidc.service';

const ORIGIN = 'http://localhost:3000';

/** What the browser does at the provider: follows the authorization URL and comes back with a code. */
async function visitProvider(url: URL): Promise<URL> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

describe.each(DATABASES)('signing in with OpenID Connect on $kind', ({ kind }) => {
  let idp: FakeOidcProvider;
  let otherIdp: FakeOidcProvider;
  let ctx: Ctx;
  let clock: TestClock;
  let close: () => Promise<void>;
  const redirectUri = `${ORIGIN}/logga-in/oidc/callback`;

  beforeAll(async () => {
    [idp, otherIdp] = await Promise.all([startFakeOidcProvider(), startFakeOidcProvider()]);
  });
  afterAll(async () => {
    await Promise.all([idp.close(), otherIdp.close()]);
  });
  beforeEach(async () => {
    ({ ctx, clock, close } = await openTestContext(kind));
  });
  afterEach(() => close());

  const configure = (p: FakeOidcProvider, organisation: string, name = 'Polisens inloggning') =>
    configureOidcProvider(ctx, SYSTEM, {
      organisation,
      name,
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: p.clientSecret
    });

  /** begin → the provider → the callback URL the browser brings back, with the state of its cookie. */
  async function roundTrip(providerId: string, next?: string) {
    const { url, state } = await beginOidcSignIn(ctx, { providerId, redirectUri, next });
    return { callbackUrl: await visitProvider(url), state };
  }

  it('brings the browser back only to a path on this site, whatever "next" it started with', async () => {
    const provider = await configure(idp, 'lpo-skelleftea');
    const u = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    idp.setUser({ sub: 'polis-next', email: u.email, email_verified: true });
    const origin = new URL(redirectUri).origin;
    for (const next of [
      '/\\evil.example',
      '/\t/evil.example',
      '//evil.example',
      '/.//evil.example',
      'https://evil.example'
    ]) {
      const { callbackUrl, state } = await roundTrip(provider.id, next);
      const result = await finishOidcSignIn(ctx, { callbackUrl, redirectUri, browserState: state });
      expect(result.userId).toBe(u.id);
      expect(new URL(result.next, origin).origin, next).toBe(origin);
      expect(result.next, next).toBe('/');
    }
  });

  it('signs in a member of the organisation, links the identity, and later finds it by subject alone', async () => {
    const provider = await configure(idp, 'lpo-skelleftea');
    const u = await makeUser(ctx, 'reporter', 'lpo-skelleftea');
    idp.setUser({ sub: 'polis-4711', email: u.email.toUpperCase(), email_verified: true });

    const { callbackUrl, state } = await roundTrip(provider.id, '/avtal?x=1');
    expect(callbackUrl.origin + callbackUrl.pathname).toBe(redirectUri);
    const result = await finishOidcSignIn(ctx, { callbackUrl, redirectUri, browserState: state });
    expect(result.userId).toBe(u.id);
    expect(result.next).toBe('/avtal?x=1');
    const session = await resolveSession(ctx, result.sessionSecret);
    expect(session?.actor.userId).toBe(u.id);
    expect(session?.actor.memberships).toEqual([
      { organisationId: 'lpo-skelleftea', role: 'reporter' }
    ]);

    // The provider changes the e-mail: the linked subject still finds the account.
    idp.setUser({ sub: 'polis-4711', email: 'nytt@polisen.se', email_verified: true });
    const again = await roundTrip(provider.id);
    const second = await finishOidcSignIn(ctx, {
      callbackUrl: again.callbackUrl,
      redirectUri,
      browserState: again.state
    });
    expect(second.userId).toBe(u.id);
    expect(second.next).toBe('/');

    const actions = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', 'like', 'oidc.%')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['oidc.configure', 'oidc.link']);
    expect(JSON.stringify(actions)).not.toContain(idp.clientSecret);
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });

  it('refuses a callback whose state is not the one this browser started', async () => {
    const provider = await configure(idp, 'lpo-skelleftea');
    const u = await makeUser(ctx, 'viewer', 'lpo-skelleftea');
    idp.setUser({ sub: 'polis-1', email: u.email, email_verified: true });
    const { callbackUrl, state } = await roundTrip(provider.id);
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'not-the-state');
    await expect(
      finishOidcSignIn(ctx, { callbackUrl: forged, redirectUri, browserState: state })
    ).rejects.toThrow(/Börja om från inloggningssidan/);
    // A state the browser agrees with but that was never issued is refused too.
    await expect(
      finishOidcSignIn(ctx, { callbackUrl: forged, redirectUri, browserState: 'not-the-state' })
    ).rejects.toBeInstanceOf(OidcSignInError);
    // And a callback without the browser's cookie.
    await expect(
      finishOidcSignIn(ctx, { callbackUrl, redirectUri, browserState: undefined })
    ).rejects.toBeInstanceOf(OidcSignInError);
  });

  it('refuses a state that was already used, and one that has expired', async () => {
    const provider = await configure(idp, 'lpo-skelleftea');
    const u = await makeUser(ctx, 'viewer', 'lpo-skelleftea');
    idp.setUser({ sub: 'polis-2', email: u.email, email_verified: true });
    const { callbackUrl, state } = await roundTrip(provider.id);
    await finishOidcSignIn(ctx, { callbackUrl, redirectUri, browserState: state });
    await expect(
      finishOidcSignIn(ctx, { callbackUrl, redirectUri, browserState: state })
    ).rejects.toThrow(/redan använts/);

    const late = await roundTrip(provider.id);
    clock.advance(11 * 60_000);
    await expect(
      finishOidcSignIn(ctx, {
        callbackUrl: late.callbackUrl,
        redirectUri,
        browserState: late.state
      })
    ).rejects.toBeInstanceOf(OidcSignInError);
  });

  it('refuses an unknown person whose e-mail is not in Löften, and creates no account', async () => {
    const provider = await configure(idp, 'lpo-skelleftea');
    idp.setUser({ sub: 'stranger', email: 'okand@polisen.se', email_verified: true });
    const { callbackUrl, state } = await roundTrip(provider.id);
    await expect(
      finishOidcSignIn(ctx, { callbackUrl, redirectUri, browserState: state })
    ).rejects.toThrow(NO_ACCOUNT);
    const users = await ctx.db.selectFrom('users').select('id').execute();
    expect(users).toHaveLength(0);
  });

  it('does not link by an e-mail the provider has not verified', async () => {
    const provider = await configure(idp, 'lpo-skelleftea');
    const u = await makeUser(ctx, 'viewer', 'lpo-skelleftea');
    idp.setUser({ sub: 'unverified', email: u.email, email_verified: false });
    const { callbackUrl, state } = await roundTrip(provider.id);
    await expect(
      finishOidcSignIn(ctx, { callbackUrl, redirectUri, browserState: state })
    ).rejects.toThrow(NO_ACCOUNT);
  });

  it('lets a provider of another organisation sign in nobody who has no membership there', async () => {
    const municipal = await configure(otherIdp, 'kommun-2417', 'Norsjö kommuns inloggning');
    const police = await makeUser(ctx, 'editor', 'lpo-skelleftea');
    otherIdp.setUser({ sub: 'k-1', email: police.email, email_verified: true });
    const { callbackUrl, state } = await roundTrip(municipal.id);
    await expect(
      finishOidcSignIn(ctx, { callbackUrl, redirectUri, browserState: state })
    ).rejects.toThrow(/gäller Norsjö kommun, och ditt konto i Löften hör inte dit/);
    const identities = await ctx.db.selectFrom('user_identities').selectAll().execute();
    expect(identities).toHaveLength(0);
  });

  it('refuses the authorization response when the provider never issued the code', async () => {
    const provider = await configure(idp, 'lpo-skelleftea');
    const u = await makeUser(ctx, 'viewer', 'lpo-skelleftea');
    idp.setUser({ sub: 'polis-3', email: u.email, email_verified: true });
    const { callbackUrl, state } = await roundTrip(provider.id);
    callbackUrl.searchParams.set('code', 'made-up');
    await expect(
      finishOidcSignIn(ctx, { callbackUrl, redirectUri, browserState: state })
    ).rejects.toThrow(/Polisens inloggning kunde inte slutföras/);
  });

  it('lets only administrators configure a provider, and never shows the secret back', async () => {
    const viewer = await makeUser(ctx, 'viewer', 'lpo-skelleftea');
    const input = {
      organisation: 'lpo-skelleftea',
      name: 'Polisens inloggning',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret
    };
    await expect(configureOidcProvider(ctx, viewer.actor, input)).rejects.toBeInstanceOf(
      ForbiddenError
    );
    await expect(listOidcProviders(ctx, viewer.actor)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(configureOidcProvider(ctx, null, input)).rejects.toBeInstanceOf(ForbiddenError);

    const admin = await makeUser(ctx, 'admin', 'kommun-2417');
    const created = await configureOidcProvider(ctx, admin.actor, input);
    expect(created.created).toBe(true);
    // Configuring the same issuer again updates the provider instead of adding another.
    const updated = await configureOidcProvider(ctx, admin.actor, {
      ...input,
      name: 'Polisen',
      enabled: false
    });
    expect(updated).toMatchObject({ id: created.id, created: false, enabled: false });
    const listed = await listOidcProviders(ctx, admin.actor);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(idp.clientSecret);
    expect(await listSignInProviders(ctx)).toEqual([]);
    await expect(beginOidcSignIn(ctx, { providerId: created.id, redirectUri })).rejects.toThrow(
      /finns inte/
    );
  });

  it('names the field when the settings are wrong, and checks that the issuer answers', async () => {
    const base = {
      organisation: 'lpo-skelleftea',
      name: 'Polisens inloggning',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret
    };
    await expect(
      configureOidcProvider(ctx, SYSTEM, { ...base, issuer: 'http://idp.example.se' })
    ).rejects.toThrow(/issuer: .*https:\/\//);
    await expect(
      configureOidcProvider(ctx, SYSTEM, { ...base, issuer: `${idp.issuer}/fel` })
    ).rejects.toThrow(/issuer: Fick inga giltiga OpenID Connect-inställningar/);
    await expect(
      configureOidcProvider(ctx, SYSTEM, { ...base, organisation: 'ingenstans' })
    ).rejects.toThrow(/organisation: Hittade ingen organisation/);
    await expect(
      configureOidcProvider(ctx, SYSTEM, { ...base, scopes: 'email' })
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('builds the redirect URI from ORIGIN when set, else from the request', () => {
    expect(oidcRedirectUri(ctx, 'http://127.0.0.1:5173')).toBe(
      'http://127.0.0.1:5173/logga-in/oidc/callback'
    );
    const withOrigin = { ...ctx, config: { ...ctx.config, origin: 'https://loften.example.se/' } };
    expect(oidcRedirectUri(withOrigin, 'http://10.0.0.5:3000')).toBe(
      'https://loften.example.se/logga-in/oidc/callback'
    );
  });
});
