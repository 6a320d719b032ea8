import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { createAgreement } from '$lib/server/services/agreements/agreement.service';
import {
  listPoliceAreas,
  municipalityId
} from '$lib/server/services/accounts/organisation.service';
import { formFailure, keptValues } from '$lib/server/http';
import { ValidationError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.actor) redirect(303, `/logga-in?next=${encodeURIComponent(url.pathname)}`);
  if (!locals.actor.memberships.some((m) => m.role === 'editor' || m.role === 'admin')) {
    error(
      403,
      'Bara redaktörer kan skapa överenskommelser. Be en administratör om rollen redaktör.'
    );
  }

  const { ctx } = await getApp();
  return {
    policeAreas: (await listPoliceAreas(ctx, 500)).filter((p) => p.level !== 'polisregion')
  };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const { ctx } = await getApp();
    const form = await request.formData();
    const str = (k: string) => String(form.get(k) ?? '').trim();
    let id: string;
    try {
      const codes = str('codes')
        .split(/[\s,]+/)
        .filter(Boolean);
      if (!codes.length || codes.some((c) => !/^\d{4}$/.test(c))) {
        throw new ValidationError([
          {
            field: 'codes',
            message:
              'Skriv kommunkoden med fyra siffror, till exempel 2417. Flera kommuner skiljs med komma.'
          }
        ]);
      }
      const start = str('periodStart');
      ({ id } = await createAgreement(ctx, locals.actor, {
        title: str('title'),
        municipalityIds: codes.map(municipalityId),
        policeAreaId: str('policeAreaId') || null,
        status: 'draft',
        periodStart: start,
        periodEnd: str('periodEnd'),
        periodText: str('periodText'),
        plan: {
          year: Number(start.slice(0, 4)) || 0,
          note: 'Första genomförandeplanen.',
          groups: []
        }
      }));
    } catch (e) {
      return formFailure(e, keptValues(form));
    }
    redirect(303, `/avtal/${id}/redigera`);
  }
};
