import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signIn } from '$lib/server/services/accounts/auth.service';
import { hasControlCharacter, safeNext } from '$lib/server/services/accounts/next-path';
import { listSignInProviders } from '$lib/server/services/accounts/oidc.service';
import { formFailure, keptValues, refuseNulFields } from '$lib/server/http';

const BAD_NEXT =
  'Adressen i "next" innehåller otillåtna tecken (till exempel radbrytning). Gå till inloggningssidan utan den.';

/** The `next` parameter as a path on this site, checked against ORIGIN (or the request's origin). */
function nextPath(url: URL, origin: string | undefined): string {
  const next = url.searchParams.get('next');
  if (hasControlCharacter(next)) error(400, BAD_NEXT);
  return safeNext(next, origin ?? url.origin);
}

/** "30 sekunder", "2 minuter": how long to wait, in words. */
const waitInWords = (seconds: number): string =>
  seconds < 120 ? `${seconds} sekunder` : `${Math.ceil(seconds / 60)} minuter`;

export const load: PageServerLoad = async ({ locals, url }) => {
  const { ctx } = locals;
  const next = nextPath(url, ctx.config.origin);
  if (locals.actor) redirect(303, next);
  return { providers: await listSignInProviders(ctx) };
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress, setHeaders, locals }) => {
    const { ctx } = locals;
    const next = nextPath(url, ctx.config.origin);
    const form = await request.formData();
    const values = keptValues(form);
    try {
      refuseNulFields(form);
      const result = await signIn(
        ctx,
        { email: form.get('email'), password: form.get('password') },
        { address: getClientAddress() }
      );
      if (!result.ok) {
        if (result.reason === 'throttled') {
          setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
          return fail(429, {
            errors: [],
            values,
            message: `För många misslyckade försök. Vänta ${waitInWords(result.retryAfterSeconds)} och försök igen.`
          });
        }
        return fail(400, {
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
    redirect(303, next);
  }
};
