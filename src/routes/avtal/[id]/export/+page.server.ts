import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { withLoad } from '$lib/server/http';
import { getAgreementForActor } from '$lib/server/services/agreements/agreement-view.service';
import { canImport } from '$lib/server/services/logging/import.service';
import { canExport } from '$lib/server/services/logging/export.service';

// Exports are for staff: the public reads the open data and the agreement's pages.
export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ params, ctx, actor }) => {
      const { view } = await getAgreementForActor(ctx, actor, params.id);
      if (!(await canExport(ctx, actor, params.id)))
        error(
          403,
          'Bara de som är med i överenskommelsens parter kan exportera. Öppna data finns under /data.'
        );
      return {
        agreement: { id: view.id, title: view.title, period: view.period },
        mayImport: await canImport(ctx, actor, params.id)
      };
    },
    { signIn: true }
  );
