import * as client from 'openid-client';
import { hashSecret } from './tokens';

/** What the client needs to know about a provider. */
export type OidcClientSettings = { issuer: string; clientId: string; clientSecret: string };

/** What must be kept between the redirect and the callback. */
export type OidcChecks = { state: string; nonce: string; codeVerifier: string };

/** The verified claims of an ID token. */
export type IdTokenClaims = client.IDToken;

// Plain http is for a provider on this very machine (development and the tests), never the network.
const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** True when an issuer URL may be used: https, or http on this machine. */
export const isAllowedIssuer = (issuer: string): boolean => {
  const url = new URL(issuer);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
};

const DISCOVERY_CACHE_MS = 10 * 60_000;

// Discovery costs a round trip: each server keeps a provider's metadata for a few minutes.
const discovered = new Map<string, { config: client.Configuration; until: number }>();

/** The provider's metadata (through discovery) with our client settings; throws when the issuer does not answer as one. */
export async function discoverProvider(p: OidcClientSettings): Promise<client.Configuration> {
  const key = [p.issuer, p.clientId, hashSecret(p.clientSecret)].join('\n');
  const cached = discovered.get(key);
  if (cached && cached.until > Date.now()) return cached.config;
  const issuer = new URL(p.issuer);
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
  const found = await client.discovery(issuer, p.clientId, undefined, client.None(), {
    execute: insecure ? [client.allowInsecureRequests] : [],
    timeout: 10
  });
  const server = found.serverMetadata();
  // client_secret_basic is the standard's default; use post only where basic is not offered.
  const methods = server.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const auth = methods.includes('client_secret_basic')
    ? client.ClientSecretBasic(p.clientSecret)
    : client.ClientSecretPost(p.clientSecret);
  const config = new client.Configuration(server, p.clientId, undefined, auth);
  config.timeout = 10;
  if (insecure) client.allowInsecureRequests(config);
  discovered.set(key, { config, until: Date.now() + DISCOVERY_CACHE_MS });
  return config;
}

/** A new state, nonce and PKCE verifier, and the provider's authorization URL that carries them. */
export async function authorizationRequest(
  p: OidcClientSettings,
  redirectUri: string,
  scopes: string
): Promise<{ url: URL; checks: OidcChecks }> {
  const config = await discoverProvider(p);
  const checks = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier()
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: scopes,
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256'
  });
  return { url, checks };
}

/**
 * Checks the authorization response (state, issuer), exchanges the code with the PKCE verifier
 * and verifies the ID token (signature, issuer, audience, expiry, nonce); returns its claims.
 */
export async function exchangeCode(
  p: OidcClientSettings,
  callbackUrl: URL,
  redirectUri: string,
  checks: OidcChecks
): Promise<IdTokenClaims> {
  const config = await discoverProvider(p);
  // The redirect_uri sent to the token endpoint must be the one sent to the provider.
  const current = new URL(redirectUri);
  current.search = callbackUrl.search;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  return claims;
}

/** True when the person cancelled or refused at the provider. */
export const isAccessDenied = (e: unknown): boolean =>
  e instanceof client.AuthorizationResponseError && e.error === 'access_denied';

/** An error's code from openid-client (never claims or tokens): safe for the log. */
export const oidcErrorCode = (e: unknown): string =>
  e && typeof e === 'object' && 'code' in e && typeof e.code === 'string'
    ? e.code
    : e instanceof Error
      ? e.name
      : 'unknown';
