import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  profileForEditing,
  saveMunicipalityProfile
} from '$lib/server/services/publication/municipality-profile.service';

export const load: PageServerLoad = (event) =>
  withLoad(event, ({ params, ctx, actor }) => profileForEditing(ctx, actor, params.code), {
    signIn: true
  });

export const actions: Actions = {
  default: (event) =>
    withAction(event, async ({ params, ctx, actor, form }) => {
      const file = form.get('logo');
      const bytes =
        file instanceof File && file.size
          ? new Uint8Array(await file.arrayBuffer())
          : new Uint8Array();
      await saveMunicipalityProfile(
        ctx,
        actor,
        params.code,
        {
          colour: form.get('colour') ?? '',
          logoAlt: form.get('logoAlt') ?? '',
          contactName: form.get('contactName') ?? '',
          contactEmail: form.get('contactEmail') ?? '',
          contactPhone: form.get('contactPhone') ?? '',
          mapTileUrl: form.get('mapTileUrl') ?? '',
          mapAttribution: form.get('mapAttribution') ?? ''
        },
        { bytes, remove: form.get('removeLogo') === 'on' }
      );
      return { done: true };
    })
};
