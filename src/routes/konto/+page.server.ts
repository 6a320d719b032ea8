import type { Actions, PageServerLoad } from './$types';
import { changePassword, hasPassword } from '$lib/server/services/accounts/auth.service';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken
} from '$lib/server/services/accounts/token.service';
import { field, withAction, withLoad } from '$lib/server/http';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ ctx, actor }) => ({
      name: actor.name,
      email: actor.email,
      hasPassword: await hasPassword(ctx, actor.userId),
      tokens: await listApiTokens(ctx, actor)
    }),
    { signIn: true }
  );

export const actions: Actions = {
  password: (event) =>
    withAction(
      event,
      async ({ locals, ctx, actor, form }) => {
        await changePassword(ctx, actor, locals.sessionSecret, {
          current: form.get('current') ?? '',
          next: form.get('next'),
          repeat: form.get('repeat')
        });
        return { done: 'password' as const };
      },
      { signIn: true, keep: false }
    ),
  createToken: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        const { token } = await createApiToken(ctx, actor, { name: form.get('name') });
        return { done: 'token' as const, token };
      },
      { signIn: true }
    ),
  revokeToken: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        await revokeApiToken(ctx, actor, field(form, 'id'));
        return { done: 'revoked' as const };
      },
      { signIn: true, keep: false }
    )
};
