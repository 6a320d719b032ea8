import type { PageServerLoad } from './$types';
import { listOpenAgreements } from '$lib/server/services/publication/open-data.service';
import {
  FOLLOW_UP_COLUMNS,
  LICENCE,
  PLAN_COLUMNS
} from '$lib/server/services/publication/public-data.service';
import {
  agreementsWithWalks,
  OBSERVATION_COLUMN_TEXT,
  OBSERVATION_COLUMNS
} from '$lib/server/services/walks/walk-public.service';

export const csr = false;

export const load: PageServerLoad = async ({ locals }) => {
  const { ctx } = locals;
  const agreements = await listOpenAgreements(ctx, {});
  const withWalks = await agreementsWithWalks(
    ctx,
    agreements.map((a) => a.id)
  );
  return {
    agreements: agreements.map((a) => ({ ...a, walks: withWalks.has(a.id) })),
    observationColumns: OBSERVATION_COLUMNS.map((name) => ({
      name,
      description: OBSERVATION_COLUMN_TEXT[name]
    })),
    planColumns: PLAN_COLUMNS,
    followUpColumns: FOLLOW_UP_COLUMNS,
    licence: LICENCE
  };
};
