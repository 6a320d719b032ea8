import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { NotFoundError } from '$lib/server/services/shared/errors';
import { canImport } from '$lib/server/services/logging/import.service';
import { canExport } from '$lib/server/services/logging/export.service';

export const load: PageServerLoad = async ({ params, locals, url }) => {
  // Exports are for staff: the public reads the open data and the agreement's pages.
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  const { ctx } = await getApp();
  try {
    const { view } = await getAgreementForActor(ctx, locals.actor, params.id);
    if (!(await canExport(ctx, locals.actor, params.id)))
      error(
        403,
        'Bara de som är med i överenskommelsens parter kan exportera. Öppna data finns under /data.'
      );
    return {
      agreement: { id: view.id, title: view.title, period: view.period },
      mayImport: await canImport(ctx, locals.actor, params.id)
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
