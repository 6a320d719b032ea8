import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import {
  finishOidcSignIn,
  OIDC_STATE_COOKIE,
  OidcSignInError,
  oidcRedirectUri
} from '$lib/server/services/accounts/oidc.service';

// The provider sends the browser back here with a code; a refusal is a readable page, never a trace.
export const GET: RequestHandler = async ({ url, cookies, locals }) => {
  const { ctx } = locals;
  const browserState = cookies.get(OIDC_STATE_COOKIE);
  cookies.delete(OIDC_STATE_COOKIE, { path: '/logga-in/oidc', secure: url.protocol === 'https:' });
  let next: string;
  try {
    const result = await finishOidcSignIn(ctx, {
      callbackUrl: url,
      redirectUri: oidcRedirectUri(ctx, url.origin),
      browserState
    });
    cookies.set('loften_session', result.sessionSecret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
      expires: result.expiresAt
    });
    next = result.next;
  } catch (e) {
    if (e instanceof OidcSignInError) error(400, e.message);
    throw e;
  }
  redirect(303, next);
};
