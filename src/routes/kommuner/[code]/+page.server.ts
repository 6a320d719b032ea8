import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { focusAreaChart } from '$lib/server/render/public-charts';
import { canEditAgreement } from '$lib/server/services/agreement.service';
import { NotFoundError } from '$lib/server/services/errors';
import { municipalityPage } from '$lib/server/services/public-site.service';

// The public page needs no JavaScript: no hydration, no serialized data, a small page.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
  const { ctx } = await getApp();
  try {
    const page = await municipalityPage(ctx, params.code);
    return {
      page,
      chart: page.agreement ? focusAreaChart(page.agreement) : null,
      // Open surveys and dialogues of the municipality: the dialogue feature fills this list.
      dialogues: [] as { title: string; href: string; closes: string | null }[],
      editable: page.agreement
        ? await canEditAgreement(ctx, locals.actor, page.agreement.view.id)
        : false
    };
  } catch (e) {
    if (e instanceof NotFoundError) error(404, e.message);
    throw e;
  }
};
