import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signOut } from '$lib/server/services/accounts/auth.service';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    const { ctx } = locals;
    await signOut(ctx, locals.sessionSecret);
    cookies.delete('loften_session', { path: '/' });
    redirect(303, '/?utloggad=1');
  }
};
