import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { listAgreements } from '$lib/server/services/agreement.service';
import { resolveOrganisation } from '$lib/server/services/organisation.service';

export const load: PageServerLoad = async ({ params }) => {
  const { ctx } = await getApp();
  const municipality = /^\d{4}$/.test(params.code)
    ? await resolveOrganisation(ctx, params.code)
    : null;
  if (!municipality || municipality.kind !== 'municipality')
    error(404, `Det finns ingen kommun med kommunkod ${params.code}.`);
  return {
    municipality,
    agreements: (await listAgreements(ctx, { municipalityId: municipality.id })).filter(
      (a) => a.status !== 'draft'
    )
  };
};
