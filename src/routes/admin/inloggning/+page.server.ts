import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { isAdmin } from '$lib/server/auth/policy';
import {
  configureOidcProvider,
  listOidcProviders,
  oidcRedirectUri
} from '$lib/server/services/accounts/oidc.service';
import { formFailure, keptValues } from '$lib/server/http';
import { UnauthenticatedError } from '$lib/server/services/shared/errors';

// Sign-in providers (OpenID Connect) per organisation: instance administrators only.
export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  if (!isAdmin(locals.actor)) error(403, 'Bara administratörer kommer åt administrationen.');
  const { ctx } = await getApp();
  return {
    providers: await listOidcProviders(ctx, locals.actor),
    redirectUri: oidcRedirectUri(ctx, url.origin)
  };
};

export const actions: Actions = {
  configure: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      if (!locals.actor) throw new UnauthenticatedError();
      const provider = await configureOidcProvider(ctx, locals.actor, {
        organisation: String(form.get('organisation') ?? ''),
        name: String(form.get('name') ?? ''),
        issuer: String(form.get('issuer') ?? ''),
        clientId: String(form.get('clientId') ?? ''),
        clientSecret: String(form.get('clientSecret') ?? ''),
        scopes: String(form.get('scopes') ?? '').trim() || undefined,
        enabled: form.get('enabled') === 'on'
      });
      return { done: 'configure' as const, name: provider.name, created: provider.created };
    } catch (e) {
      // The client secret is never sent back to the page.
      const { clientSecret: _secret, ...values } = keptValues(form);
      return formFailure(e, values);
    }
  }
};
