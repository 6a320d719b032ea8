import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { ForbiddenError } from '../shared/errors';
import { getConsents } from './agreement-consent.service';
import { getAgreementForActor } from './agreement-view.service';

/** A measure as the publishing step lists it: its title and when its activities become public. */
export type MeasureToPublish = {
  title: string;
  rule: 'public' | 'delayed' | 'monthly' | 'internal';
};

/**
 * What publishing an agreement makes public, for the confirmation step "Publicera
 * överenskommelsen": the texts, the public measures (with when their activities show) and the
 * internal ones that stay with the parties, who has still to approve, and whether the actor's
 * approval is the last one, so that it publishes. Only the agreement's editors see it.
 */
export async function publicationPreview(ctx: Ctx, actor: Actor, agreementId: string) {
  const consents = await getConsents(ctx, actor, agreementId);
  const { view, editable } = await getAgreementForActor(ctx, actor, agreementId);
  const mayApprove = consents.parties.some((p) => p.mayApprove);
  if (!editable && !mayApprove)
    throw new ForbiddenError(
      'Bara redaktörer i överenskommelsens kommun eller polisområde kan publicera den.'
    );
  const measures = (view.revision?.groups ?? []).flatMap((g) => g.measures);
  const mine = consents.parties.find((p) => p.mayApprove) ?? null;
  const others = consents.parties.filter((p) => p !== mine);
  return {
    agreement: {
      id: view.id,
      title: view.title,
      period: view.period,
      published: consents.signed,
      focusAreas: view.focusAreas.map((f) => f.title),
      effects: view.effects.length,
      planYear: view.revision?.year ?? null,
      parties: [
        ...view.municipalities.map((m) => m.officialName),
        ...(view.policeArea ? [view.policeArea.name] : []),
        ...view.parties.filter((p) => p.type).map((p) => p.name)
      ]
    },
    publicMeasures: measures
      .filter((m) => m.visibility === 'public')
      .map((m): MeasureToPublish => ({ title: m.title, rule: m.publicationRule })),
    internalMeasures: measures.filter((m) => m.visibility !== 'public').map((m) => m.title),
    version: consents.version,
    /** The party the actor approves for now, if any. */
    approvesFor: mine ? { organisationId: mine.organisationId, name: mine.name } : null,
    /** Parties still to accept or approve, other than the actor's. */
    waitingFor: others.filter((p) => !p.accepted || !p.approved).map((p) => p.name),
    /** The actor's approval is the last one: it publishes the agreement. */
    publishesNow: !!mine && others.every((p) => p.accepted && p.approved)
  };
}
