import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createAgreement } from '$lib/server/services/agreements/agreement.service';
import {
  listPoliceAreas,
  municipalityId
} from '$lib/server/services/accounts/organisation.service';
import { field, withAction, withLoad } from '$lib/server/http';
import { ValidationError } from '$lib/server/services/shared/errors';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ ctx, actor }) => {
      if (!actor.memberships.some((m) => m.role === 'editor' || m.role === 'admin')) {
        error(
          403,
          'Bara redaktörer kan skapa överenskommelser. Be en administratör om rollen redaktör.'
        );
      }
      return {
        policeAreas: (await listPoliceAreas(ctx, 500)).filter((p) => p.level !== 'polisregion')
      };
    },
    { signIn: true }
  );

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ ctx, actor, form }) => {
      const codes = field(form, 'codes')
        .trim()
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
      const start = field(form, 'periodStart').trim();
      const { id } = await createAgreement(ctx, actor, {
        title: field(form, 'title').trim(),
        municipalityIds: codes.map(municipalityId),
        policeAreaId: field(form, 'policeAreaId').trim() || null,
        status: 'draft',
        periodStart: start,
        periodEnd: field(form, 'periodEnd').trim(),
        periodText: field(form, 'periodText').trim(),
        plan: {
          year: Number(start.slice(0, 4)) || 0,
          note: 'Första genomförandeplanen.',
          groups: []
        }
      });
      redirect(303, `/avtal/${id}/redigera`);
    })
};
