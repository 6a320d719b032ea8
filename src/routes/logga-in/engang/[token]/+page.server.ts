import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { redeemOneTimeLogin } from '$lib/server/services/accounts/auth.service';

// A one-time link signs in once and sends the user to set a password.
export const load: PageServerLoad = async ({ params, cookies, url, locals }) => {
  const { ctx } = locals;
  const result = await redeemOneTimeLogin(ctx, params.token);
  if (!result)
    error(
      410,
      'Länken är redan använd eller har gått ut. Be om en ny med "npx loften user login-link".'
    );
  cookies.set('loften_session', result.sessionSecret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    expires: result.expiresAt
  });
  redirect(303, '/konto?forsta=1');
};
