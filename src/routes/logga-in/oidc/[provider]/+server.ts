import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { withLoad } from '$lib/server/http';
import { hasControlCharacter } from '$lib/server/services/accounts/next-path';
import {
  beginOidcSignIn,
  OIDC_STATE_COOKIE,
  OidcSignInError,
  oidcRedirectUri
} from '$lib/server/services/accounts/oidc.service';

// Sends the browser to the organisation's identity provider; the state cookie ties the callback to this browser.
export const GET: RequestHandler = (event) =>
  withLoad(event, async ({ params, url, cookies, ctx }) => {
    const next = url.searchParams.get('next');
    if (hasControlCharacter(next))
      error(400, 'Adressen i "next" innehåller otillåtna tecken (till exempel radbrytning).');
    let target: URL;
    try {
      const begun = await beginOidcSignIn(ctx, {
        providerId: params.provider,
        redirectUri: oidcRedirectUri(ctx, url.origin),
        next
      });
      cookies.set(OIDC_STATE_COOKIE, begun.state, {
        path: '/logga-in/oidc',
        httpOnly: true,
        // lax: the provider sends the browser back with a top-level GET from its own site.
        sameSite: 'lax',
        secure: url.protocol === 'https:',
        maxAge: 10 * 60
      });
      target = begun.url;
    } catch (e) {
      // The provider did not answer as it should: a bad gateway, said in words.
      if (e instanceof OidcSignInError) error(502, e.message);
      throw e;
    }
    redirect(303, target.toString());
  });
