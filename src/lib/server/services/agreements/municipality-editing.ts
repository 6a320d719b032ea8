import { can, SYSTEM, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findMunicipalityByCode } from '../../db/repositories/accounts/organisation.repository';
import { ForbiddenError, NotFoundError } from '../shared/errors';

/**
 * The municipality with this code, for a change only its own editors (or the system) may make,
 * such as its risk calendar or school calendar; `refusal` says in Swedish what was refused.
 */
export async function municipalityToEdit(ctx: Ctx, actor: Changer, code: string, refusal: string) {
  const municipality = await findMunicipalityByCode(ctx.db, code);
  if (!municipality) throw new NotFoundError(`Det finns ingen kommun med kommunkod ${code}.`);
  if (actor !== SYSTEM && !can(actor, 'agreement.edit', [municipality.id]))
    throw new ForbiddenError(refusal);
  return municipality;
}
