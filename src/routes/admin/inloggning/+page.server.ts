import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isAdmin } from '$lib/server/auth/policy';
import {
  configureOidcProvider,
  listOidcProviders,
  oidcRedirectUri
} from '$lib/server/services/accounts/oidc.service';
import { field, withAction, withLoad } from '$lib/server/http';

// Sign-in providers (OpenID Connect) per organisation: instance administrators only.
export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ url, ctx, actor }) => {
      if (!isAdmin(actor)) error(403, 'Bara administratörer kommer åt administrationen.');
      return {
        providers: await listOidcProviders(ctx, actor),
        redirectUri: oidcRedirectUri(ctx, url.origin)
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  // A failed form keeps what was typed, never the client secret (keptValues leaves secrets out).
  configure: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        const provider = await configureOidcProvider(ctx, actor, {
          ...Object.fromEntries(form),
          // Empty scopes are the default ones; the checkbox is on or not sent.
          scopes: field(form, 'scopes').trim() || undefined,
          enabled: form.get('enabled') === 'on'
        });
        return { done: 'configure' as const, name: provider.name, created: provider.created };
      },
      { signIn: true }
    )
};
