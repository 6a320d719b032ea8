import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** The person the fake provider signs in, without asking. */
export type FakeUser = { sub: string; email?: string; email_verified?: boolean; name?: string };

/** A running fake provider. */
export type FakeOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who is signed in at the provider from now on. */
  setUser: (user: FakeUser) => void;
  close: () => Promise<void>;
};

type Grant = {
  user: FakeUser;
  nonce: string | undefined;
  challenge: string;
  redirectUri: string;
  expires: number;
};

/**
 * A small OpenID Connect provider on 127.0.0.1 and a random port, for tests: discovery, JWKS,
 * an authorization endpoint that approves the configured user at once, and a token endpoint that
 * checks the client, PKCE and the redirect URI, and returns an RS256-signed ID token with the nonce.
 */
export async function startFakeOidcProvider(
  options: { clientId?: string; clientSecret?: string; user?: FakeUser } = {}
): Promise<FakeOidcProvider> {
  const clientId = options.clientId ?? 'loften-test';
  const clientSecret = options.clientSecret ?? `secret-${randomBytes(8).toString('hex')}`;
  let user: FakeUser = options.user ?? { sub: 'fake-user' };
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, Grant>();
  let issuer = '';

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const readForm = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return new URLSearchParams(text);
  };

  const authorize = (url: URL, res: ServerResponse) => {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri');
    if (q.get('client_id') !== clientId || !redirectUri)
      return send(res, 400, { error: 'invalid_request' });
    const back = new URL(redirectUri);
    const state = q.get('state');
    if (state) back.searchParams.set('state', state);
    back.searchParams.set('iss', issuer);
    const challenge = q.get('code_challenge');
    if (q.get('response_type') !== 'code' || !challenge || !q.get('scope')?.includes('openid')) {
      back.searchParams.set('error', 'invalid_request');
    } else {
      const code = randomBytes(16).toString('base64url');
      codes.set(code, {
        user,
        nonce: q.get('nonce') ?? undefined,
        challenge,
        redirectUri,
        expires: Date.now() + 60_000
      });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.toString() });
    res.end();
  };

  const clientOf = (req: IncomingMessage, form: URLSearchParams) => {
    const basic = req.headers.authorization?.match(/^Basic (.+)$/)?.[1];
    if (basic) {
      const [id, secret] = Buffer.from(basic, 'base64')
        .toString()
        .split(':')
        .map((s) => decodeURIComponent(s.replace(/\+/g, ' ')));
      return { id, secret };
    }
    return { id: form.get('client_id'), secret: form.get('client_secret') };
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    const form = await readForm(req);
    const c = clientOf(req, form);
    if (c.id !== clientId || c.secret !== clientSecret)
      return send(res, 401, { error: 'invalid_client' });
    const code = form.get('code') ?? '';
    const grant = codes.get(code);
    codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      form.get('grant_type') !== 'authorization_code' ||
      !grant ||
      grant.expires < Date.now() ||
      grant.redirectUri !== form.get('redirect_uri') ||
      grant.challenge !== challenge
    )
      return send(res, 400, { error: 'invalid_grant' });
    const { sub, ...claims } = grant.user;
    const idToken = await new SignJWT({ ...claims, ...(grant.nonce ? { nonce: grant.nonce } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .setIssuer(issuer)
      .setSubject(sub)
      .setAudience(clientId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    send(res, 200, {
      access_token: randomBytes(16).toString('base64url'),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: idToken
    });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /.well-known/openid-configuration')
      return send(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
        authorization_response_iss_parameter_supported: true,
        scopes_supported: ['openid', 'email', 'profile']
      });
    if (route === 'GET /jwks') return send(res, 200, { keys: [jwk] });
    if (route === 'GET /authorize') return authorize(url, res);
    if (route === 'POST /token')
      return void token(req, res).catch(() => send(res, 500, { error: 'server_error' }));
    send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    setUser: (u) => void (user = u),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      })
  };
}
