import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { changePassword, hasPassword } from '$lib/server/services/accounts/auth.service';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken
} from '$lib/server/services/accounts/token.service';
import { formFailure, keptValues } from '$lib/server/http';
import { UnauthenticatedError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  const { ctx } = await getApp();
  return {
    name: locals.actor.name,
    email: locals.actor.email,
    hasPassword: await hasPassword(ctx, locals.actor.userId),
    tokens: await listApiTokens(ctx, locals.actor)
  };
};

const actorOf = (locals: App.Locals) => {
  if (!locals.actor) throw new UnauthenticatedError();
  return locals.actor;
};

export const actions: Actions = {
  password: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await changePassword(ctx, actorOf(locals), locals.sessionSecret, {
        current: form.get('current') ?? '',
        next: form.get('next'),
        repeat: form.get('repeat')
      });
      return { done: 'password' as const };
    } catch (e) {
      return formFailure(e);
    }
  },
  createToken: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      const { token } = await createApiToken(ctx, actorOf(locals), { name: form.get('name') });
      return { done: 'token' as const, token };
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
  },
  revokeToken: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await revokeApiToken(ctx, actorOf(locals), String(form.get('id') ?? ''));
      return { done: 'revoked' as const };
    } catch (e) {
      return formFailure(e);
    }
  }
};
