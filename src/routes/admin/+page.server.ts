import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { isAdmin } from '$lib/server/auth/policy';
import {
  inviteUser,
  listAccounts,
  removeRole,
  ROLE_LABELS,
  setAccountDisabled,
  setRole
} from '$lib/server/services/accounts/user.service';
import { formFailure, keptValues } from '$lib/server/http';
import { UnauthenticatedError } from '$lib/server/services/shared/errors';

// Administration of people: instance administrators only (docs/SECURITY.md, "Administration").
export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  if (!isAdmin(locals.actor)) error(403, 'Bara administratörer kommer åt administrationen.');
  const { ctx } = await getApp();
  return {
    accounts: await listAccounts(ctx, locals.actor),
    roles: ROLE_LABELS,
    selfId: locals.actor.userId,
    mailOn: !!ctx.config.mail
  };
};

const actorOf = (locals: App.Locals) => {
  if (!locals.actor) throw new UnauthenticatedError();
  return locals.actor;
};

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
  invite: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      const invitation = await inviteUser(ctx, actorOf(locals), {
        email: field(form, 'email'),
        name: field(form, 'name'),
        organisation: field(form, 'organisation'),
        role: field(form, 'role')
      });
      return { done: 'invite' as const, invitation };
    } catch (e) {
      return formFailure(e, keptValues(form), 'invite');
    }
  },
  role: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      const m = await setRole(ctx, actorOf(locals), {
        email: field(form, 'email'),
        organisation: field(form, 'organisation'),
        role: field(form, 'role')
      });
      return { done: 'role' as const, organisationName: m.organisationName, role: m.role };
    } catch (e) {
      return formFailure(e, keptValues(form), 'role');
    }
  },
  removeRole: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await removeRole(ctx, actorOf(locals), {
        userId: field(form, 'userId'),
        organisationId: field(form, 'organisationId')
      });
      return { done: 'removeRole' as const };
    } catch (e) {
      return formFailure(e, undefined, 'removeRole');
    }
  },
  deactivate: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await setAccountDisabled(ctx, actorOf(locals), { userId: field(form, 'userId') }, true);
      return { done: 'deactivate' as const };
    } catch (e) {
      return formFailure(e, undefined, 'deactivate');
    }
  },
  reactivate: async ({ locals, request }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    try {
      await setAccountDisabled(ctx, actorOf(locals), { userId: field(form, 'userId') }, false);
      return { done: 'reactivate' as const };
    } catch (e) {
      return formFailure(e, undefined, 'reactivate');
    }
  }
};
