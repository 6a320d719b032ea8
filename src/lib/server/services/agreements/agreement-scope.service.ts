import { hasRoleInAny, roleIn, SYSTEM, type Actor, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  agreementMunicipalityIds,
  agreementOrganisationIds,
  findAgreement
} from '../../db/repositories/agreements/agreement.repository';
import { findOrganisation } from '../../db/repositories/accounts/organisation.repository';
import { acceptedOrganisationIds } from '../../db/repositories/agreements/consent.repository';
import { municipalityOfficialName } from '../../reference/sweden';
import { ForbiddenError, NotFoundError } from '../shared/errors';

/** An agreement as the dialogue and the situational picture see it: its two sides. */
export type AgreementScope = {
  agreementId: string;
  title: string;
  demo: boolean;
  municipalityId: string;
  municipalityName: string;
  municipalityCode: string;
  policeAreaId: string | null;
  /**
   * Everyone whose editors may record dialogue and edit the picture: the municipality once it
   * has accepted being party, and the police area once both it and the municipality have.
   */
  organisationIds: string[];
  /** For a draft, the organisations it names (only their staff may know it exists); null once signed. */
  draftNamedIds: string[] | null;
};

/** Resolves an agreement's two sides (its first municipality and its police area). */
export async function agreementScope(ctx: Ctx, agreementId: string): Promise<AgreementScope> {
  const agreement = await findAgreement(ctx.db, agreementId);
  if (!agreement) throw new NotFoundError('Överenskommelsen finns inte.');
  const [municipalityId] = await agreementMunicipalityIds(ctx.db, agreementId);
  const municipality = municipalityId ? await findOrganisation(ctx.db, municipalityId) : undefined;
  if (!municipality) throw new NotFoundError('Överenskommelsen har ingen kommun.');
  const accepted = await acceptedOrganisationIds(ctx.db, agreementId);
  const municipalityIn = accepted.includes(municipality.id);
  const policeIn =
    municipalityIn && !!agreement.police_area_id && accepted.includes(agreement.police_area_id);
  return {
    agreementId,
    title: agreement.title,
    demo: agreement.demo === 1,
    municipalityId: municipality.id,
    municipalityName: municipalityOfficialName(municipality.name),
    municipalityCode: municipality.code ?? '',
    policeAreaId: agreement.police_area_id,
    organisationIds: [
      ...(municipalityIn ? [municipality.id] : []),
      ...(policeIn && agreement.police_area_id ? [agreement.police_area_id] : [])
    ],
    draftNamedIds:
      agreement.status === 'draft' ? await agreementOrganisationIds(ctx.db, agreementId) : null
  };
}

/** Editors of the municipality or the police area may change dialogue and the picture. */
export const canEditScope = (actor: Changer, scope: AgreementScope): boolean =>
  actor === SYSTEM || hasRoleInAny(actor, scope.organisationIds, 'editor');

/** Anyone with a role in the municipality or the police area may read minutes and the picture. */
export const canReadScope = (actor: Changer, scope: AgreementScope): boolean =>
  actor === SYSTEM || hasRoleInAny(actor, scope.organisationIds, 'viewer');

/** A draft answers like a missing agreement to anyone who is not staff of an organisation it names. */
function assertScopeVisible(actor: Changer, scope: AgreementScope): void {
  if (!scope.draftNamedIds || actor === SYSTEM) return;
  if (!scope.draftNamedIds.some((o) => roleIn(actor, o) !== null))
    throw new NotFoundError('Överenskommelsen finns inte.');
}

/** Throws unless the actor may read the agreement's internal dialogue. */
export function assertCanRead(actor: Changer, scope: AgreementScope): void {
  assertScopeVisible(actor, scope);
  if (!canReadScope(actor, scope))
    throw new ForbiddenError(
      'Bara medarbetare i överenskommelsens kommun eller polisområde kan se dialogerna och lägesbilden.'
    );
}

/** Throws unless the actor may edit. */
export function assertCanEditScope(actor: Changer, scope: AgreementScope): void {
  assertScopeVisible(actor, scope);
  if (!canEditScope(actor, scope))
    throw new ForbiddenError(
      'Bara redaktörer i överenskommelsens kommun eller polisområde får ändra detta.'
    );
}

/**
 * The side an actor approves for: an editor by membership of the police area or of the
 * municipality. An admin role counts only where the admin is a member; it never stands in
 * for both sides. A side that has not accepted being party to the agreement approves nothing.
 */
export function approvalSide(
  actor: Actor,
  scope: AgreementScope
): { side: 'police' | 'municipality'; organisationId: string }[] {
  const member = (orgId: string | null) =>
    !!orgId &&
    scope.organisationIds.includes(orgId) &&
    actor.memberships.some(
      (m) => m.organisationId === orgId && (m.role === 'editor' || m.role === 'admin')
    );
  const sides: { side: 'police' | 'municipality'; organisationId: string }[] = [];
  if (member(scope.policeAreaId))
    sides.push({ side: 'police', organisationId: scope.policeAreaId! });
  if (member(scope.municipalityId))
    sides.push({ side: 'municipality', organisationId: scope.municipalityId });
  return sides;
}
