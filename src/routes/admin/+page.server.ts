import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isAdmin } from '$lib/server/auth/policy';
import {
  inviteUser,
  listAccounts,
  removeRole,
  ROLE_LABELS,
  setAccountDisabled,
  setRole
} from '$lib/server/services/accounts/user.service';
import { withAction, withLoad } from '$lib/server/http';

// Administration of people: instance administrators only (docs/SECURITY.md, "Administration").
export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ ctx, actor }) => {
      if (!isAdmin(actor)) error(403, 'Bara administratörer kommer åt administrationen.');
      return {
        accounts: await listAccounts(ctx, actor),
        roles: ROLE_LABELS,
        selfId: actor.userId,
        mailOn: !!ctx.config.mail
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  invite: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        const invitation = await inviteUser(ctx, actor, Object.fromEntries(form));
        return { done: 'invite' as const, invitation };
      },
      { signIn: true, which: 'invite' }
    ),
  role: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        const m = await setRole(ctx, actor, Object.fromEntries(form));
        return { done: 'role' as const, organisationName: m.organisationName, role: m.role };
      },
      { signIn: true, which: 'role' }
    ),
  removeRole: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        await removeRole(ctx, actor, Object.fromEntries(form));
        return { done: 'removeRole' as const };
      },
      { signIn: true, which: 'removeRole', keep: false }
    ),
  deactivate: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        await setAccountDisabled(ctx, actor, Object.fromEntries(form), true);
        return { done: 'deactivate' as const };
      },
      { signIn: true, which: 'deactivate', keep: false }
    ),
  reactivate: (event) =>
    withAction(
      event,
      async ({ ctx, actor, form }) => {
        await setAccountDisabled(ctx, actor, Object.fromEntries(form), false);
        return { done: 'reactivate' as const };
      },
      { signIn: true, which: 'reactivate', keep: false }
    )
};
