import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { signIn } from '$lib/server/services/accounts/auth.service';
import { listSignInProviders } from '$lib/server/services/accounts/oidc.service';
import { formFailure, keptValues } from '$lib/server/http';
import { fail } from '@sveltejs/kit';

const safeNext = (next: string | null) =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')));
  const { ctx } = await getApp();
  return { providers: await listSignInProviders(ctx) };
};

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    const values = keptValues(form);
    try {
      const result = await signIn(ctx, {
        email: form.get('email'),
        password: form.get('password')
      });
      if (!result.ok) {
        return result.reason === 'throttled'
          ? fail(429, {
              errors: [],
              values,
              message: `För många misslyckade försök. Vänta ${ctx.config.loginWindowMinutes} minuter och försök igen.`
            })
          : fail(400, {
              errors: [],
              values,
              message: 'Fel e-postadress eller lösenord. Kontrollera och försök igen.'
            });
      }
      cookies.set('loften_session', result.sessionSecret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: url.protocol === 'https:',
        expires: result.expiresAt
      });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, safeNext(url.searchParams.get('next')));
  }
};
