import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { withAction, withLoad } from '$lib/server/http';
import {
  recordObservation,
  setObservationPublic,
  updateObservationStatus,
  walkObservations
} from '$lib/server/services/walks/observation.service';
import {
  assignOwner,
  ownerOrganisationChoices
} from '$lib/server/services/walks/owner-account.service';
import { attachPhoto, cleanPhoto } from '$lib/server/services/walks/photo.service';
import { cancelWalk, getWalk, markWalkHeld } from '$lib/server/services/walks/walk.service';
import { walkableMeasures } from '$lib/server/services/walks/walk.service';
import { NotFoundError } from '$lib/server/services/shared/errors';
import type { Ctx } from '$lib/server/context';
import type { Actor } from '$lib/server/auth/policy';

export const load: PageServerLoad = (event) =>
  withLoad(
    event,
    async ({ ctx, actor, params, url }) => {
      const w = await getWalk(ctx, actor, params.walkId);
      if (w.walk.agreementId !== params.id) error(404, 'Vandringen finns inte.');
      const { agreement, measures } = await walkableMeasures(ctx, actor, params.id);
      return {
        ...w,
        agreement,
        measureTitle: measures.find((m) => m.key === w.walk.measureKey)?.title ?? w.walk.measureKey,
        observations: await walkObservations(ctx, actor, params.walkId),
        // Organisations with accounts an editor may give an observation to (issue 18, item 3).
        ownerChoices: w.editable ? await ownerOrganisationChoices(ctx, actor, params.walkId) : [],
        planned: url.searchParams.has('planerad'),
        // A fresh key per form shown: a form sent twice (a double tap, a retry) stores one observation.
        formKey: crypto.randomUUID()
      };
    },
    { signIn: true }
  );

const id = (form: FormData) => String(form.get('observationId') ?? '');

/**
 * The address is the truth: the walk belongs to the agreement in the address and, when one is
 * named, the observation to the walk; otherwise the answer is the same 404 as a missing one.
 */
async function inThisWalk(
  ctx: Ctx,
  actor: Actor | null,
  params: { id: string; walkId: string },
  observationId?: string
) {
  const { walk } = await getWalk(ctx, actor, params.walkId);
  if (walk.agreementId !== params.id) throw new NotFoundError('Vandringen finns inte.');
  if (observationId === undefined) return;
  const observations = await walkObservations(ctx, actor, params.walkId);
  if (!observations.some((o) => o.id === observationId))
    throw new NotFoundError('Iakttagelsen finns inte.');
}

export const actions: Actions = {
  observe: (event) =>
    withAction(
      event,
      async ({ ctx, actor, params, form }) => {
        await inThisWalk(ctx, actor, params);
        const photo = form.get('photo');
        const fields = Object.fromEntries([...form].filter(([k]) => k !== 'photo'));
        const hasPhoto = photo instanceof File && photo.size > 0;
        // The photo is read before anything is stored, so an unreadable one stores nothing.
        const clean = hasPhoto ? await cleanPhoto(new Uint8Array(await photo.arrayBuffer())) : null;
        const { observation } = await recordObservation(ctx, actor, params.walkId, fields);
        if (clean) await attachPhoto(ctx, actor, observation.id, clean);
        return { which: 'observe', done: 'Iakttagelsen är sparad.' };
      },
      { which: 'observe' }
    ),
  assign: (event) =>
    withAction(
      event,
      async ({ ctx, actor, params, form, url }) => {
        await inThisWalk(ctx, actor, params, id(form));
        const r = await assignOwner(ctx, actor, id(form), {
          ownerOrganisationId: form.get('ownerOrganisationId') ?? '',
          owner: form.get('owner') ?? '',
          dueOn: form.get('dueOn')
        });
        if (r.kind === 'organisation')
          return {
            which: 'obs',
            observationId: id(form),
            done: `Ägaren är satt. De som har konto i ${r.organisation.name} ser iakttagelsen under Att göra och ändrar status där. Ingen länk behövs.`
          };
        return {
          which: 'obs',
          observationId: id(form),
          done: 'Ägaren är satt. Skicka länken till ägaren: den visas bara nu.',
          // The configured public address, not the one this request came in on (issue 17).
          ownerLink: `${ctx.config.origin ?? url.origin}/vandringar/agare/${r.token}`,
          expiresOn: r.expiresAt.slice(0, 10)
        };
      },
      { which: 'obs' }
    ),
  status: (event) =>
    withAction(
      event,
      async ({ ctx, actor, params, form }) => {
        await inThisWalk(ctx, actor, params, id(form));
        await updateObservationStatus(ctx, actor, id(form), {
          status: form.get('status'),
          note: form.get('note') ?? ''
        });
        return { which: 'obs', observationId: id(form), done: 'Status är ändrad.' };
      },
      { which: 'obs' }
    ),
  publish: (event) =>
    withAction(
      event,
      async ({ ctx, actor, params, form }) => {
        await inThisWalk(ctx, actor, params, id(form));
        const approved = form.get('approved') === '1';
        await setObservationPublic(ctx, actor, id(form), approved);
        return {
          which: 'obs',
          observationId: id(form),
          done: approved
            ? 'Iakttagelsen visas i det publika protokollet.'
            : 'Iakttagelsen är inte längre publik.'
        };
      },
      { which: 'obs' }
    ),
  held: (event) =>
    withAction(
      event,
      async ({ ctx, actor, params }) => {
        await inThisWalk(ctx, actor, params);
        await markWalkHeld(ctx, actor, params.walkId);
        return {
          which: 'walk',
          done: 'Vandringen är genomförd och loggad som en aktivitet på åtgärden.'
        };
      },
      { which: 'walk' }
    ),
  cancel: (event) =>
    withAction(
      event,
      async ({ ctx, actor, params }) => {
        await inThisWalk(ctx, actor, params);
        await cancelWalk(ctx, actor, params.walkId);
        return {
          which: 'walk',
          done: 'Vandringen är inställd. Den visas som inställd i kalendern.'
        };
      },
      { which: 'walk' }
    )
};
