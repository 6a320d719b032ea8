import { z } from 'zod';
import type { Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  findAgreementParty,
  insertPartyForAgreement,
  partyUseCount,
  removePartyFromAgreement,
  updatePartyRow
} from '../../db/repositories/agreements/agreement-parts.repository';
import { agreementMunicipalityIds } from '../../db/repositories/agreements/agreement.repository';
import { assertCanEdit } from './agreement.service';
import { auditedChange } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';
import { parseInput } from '../shared/validation';

// Collaborating parties of an agreement: schools, associations, health centres and the like.
// The municipality and the police are the agreement's own parties and are not changed here.

const parse = parseInput;

const partyInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Skriv partens namn, till exempel "Hälsocentralen".' })
    .max(200),
  partyType: z.enum(
    [
      'school',
      'association',
      'health-centre',
      'youth-centre',
      'housing',
      'council',
      'organisation',
      'company',
      'group'
    ],
    { message: 'Välj vilken sorts part det är.' }
  )
});

/** Adds a collaborating party (school, association, health centre …), owned by the agreement's first municipality. */
export async function addParty(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<{ id: string }> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parse(partyInput, input);
  const [owner] = await agreementMunicipalityIds(ctx.db, agreementId);
  const id = newId();
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: owner ?? null,
      action: 'party.create',
      entity: 'organisation',
      entityId: id,
      after: v
    },
    async (trx) => {
      await insertPartyForAgreement(
        trx,
        {
          id,
          kind: 'party',
          name: v.name,
          code: null,
          level: null,
          parent_id: null,
          county_code: null,
          party_type: v.partyType,
          owner_id: owner ?? null,
          created_at: ctx.now().toISOString()
        },
        agreementId
      );
    }
  );
  return { id };
}

async function existingParty(ctx: Ctx, agreementId: string, partyId: string) {
  const party = await findAgreementParty(ctx.db, agreementId, partyId);
  if (!party) throw new NotFoundError('Parten finns inte i överenskommelsen.');
  return party;
}

/** Renames a party or changes its type (a typo fixed shows in every revision that names it). */
export async function updateParty(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  partyId: string,
  input: unknown
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parse(partyInput, input);
  const before = await existingParty(ctx, agreementId, partyId);
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: before.owner_id,
      action: 'party.update',
      entity: 'organisation',
      entityId: partyId,
      before: { name: before.name, partyType: before.party_type },
      after: v
    },
    async (trx) => {
      await updatePartyRow(trx, partyId, { name: v.name, party_type: v.partyType });
    }
  );
}

/**
 * Takes a party off the agreement. Refused while any measure, in any revision, names it: the
 * plan's history must keep saying who took part.
 */
export async function removeParty(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  partyId: string
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const before = await existingParty(ctx, agreementId, partyId);
  const uses = await partyUseCount(ctx.db, partyId);
  if (uses > 0)
    throw new ValidationError([
      {
        field: 'id',
        message: `${before.name} står i ${uses} ${uses === 1 ? 'åtgärd' : 'åtgärder'}. Ta bort parten från åtgärderna i årets plan först; tidigare års planer visar den även i fortsättningen.`
      }
    ]);
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: before.owner_id,
      action: 'party.remove',
      entity: 'organisation',
      entityId: partyId,
      before: { name: before.name, partyType: before.party_type }
    },
    async (trx) => {
      await removePartyFromAgreement(trx, agreementId, partyId);
    }
  );
}
