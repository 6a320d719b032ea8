import { z } from 'zod';
import { can, roleIn, SYSTEM, type Actor, type Changer } from '../../auth/policy';
import type { Ctx, Executor } from '../../context';
import {
  agreementIdsNaming,
  agreementMunicipalityIds,
  agreementOrganisationIds,
  findAgreement,
  updateAgreementRow
} from '../../db/repositories/agreements/agreement.repository';
import {
  acceptedOrganisationIds,
  bumpHeadVersion,
  clearApprovals,
  consentsOf,
  invitationsOf,
  markAccepted,
  markApproved
} from '../../db/repositories/agreements/consent.repository';
import type { AgreementConsentTable, AgreementTable } from '../../db/schema';
import { recordAudit } from '../shared/audit.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { municipalityOfficialName } from '../../reference/sweden';

// Who may act in a municipality's name. Every municipality and police area an agreement names
// has a consent row. A named organisation is only *invited* until one of its own editors accepts;
// the agreement is signed (and so public) only when each of them has approved it, each by its own
// editor. While it is a draft, any change to its head (title, period, texts, focus areas) clears
// the approvals given so far; the plan's measures do not, as they change every year anyway.

const MISSING = 'Överenskommelsen finns inte.';

/** A party's name as the page says it: "Norsjö kommun", "Polisområde Västerbotten". */
const partyName = (r: { name: string; side: 'municipality' | 'police' }) =>
  r.side === 'municipality' ? municipalityOfficialName(r.name) : r.name;

/** Is the actor an editor (or admin) by membership of this organisation? An admin role elsewhere never stands in. */
export const editorMemberOf = (actor: Actor, organisationId: string): boolean =>
  actor.memberships.some(
    (m) => m.organisationId === organisationId && (m.role === 'editor' || m.role === 'admin')
  );

/** The consent rows of a new agreement: the creator's own organisations (or all, for the system) are accepted. */
export function initialConsents(
  actor: Changer,
  agreementId: string,
  named: { municipalityIds: string[]; policeAreaId: string | null },
  at: string,
  signed: boolean
): AgreementConsentTable[] {
  const rows: AgreementConsentTable[] = [];
  const add = (organisationId: string, side: 'municipality' | 'police') => {
    if (rows.some((r) => r.organisation_id === organisationId)) return;
    const accepted = actor === SYSTEM || (!!actor && editorMemberOf(actor, organisationId));
    const by = actor && actor !== SYSTEM ? actor.userId : null;
    rows.push({
      agreement_id: agreementId,
      organisation_id: organisationId,
      side,
      invited_by: by,
      invited_at: at,
      accepted_by: accepted ? by : null,
      accepted_at: accepted ? at : null,
      approved_by: null,
      approved_at: actor === SYSTEM && signed ? at : null
    });
  };
  for (const m of named.municipalityIds) add(m, 'municipality');
  if (named.policeAreaId) add(named.policeAreaId, 'police');
  return rows;
}

/** May the actor see this agreement? Published ones everyone; a draft only staff of an organisation it names. */
export async function isAgreementVisible(
  ctx: Ctx,
  actor: Changer,
  agreement: Pick<AgreementTable, 'id' | 'status'>
): Promise<boolean> {
  if (agreement.status !== 'draft' || actor === SYSTEM) return true;
  if (!actor) return false;
  return (await agreementOrganisationIds(ctx.db, agreement.id)).some(
    (o) => roleIn(actor, o) !== null
  );
}

/**
 * Throws NotFoundError unless the agreement exists and the actor may see it: a draft the actor is
 * not party to (nor invited to) answers exactly like a missing id.
 */
export async function assertAgreementVisible(
  ctx: Ctx,
  actor: Changer,
  agreementId: string
): Promise<AgreementTable> {
  const agreement = await findAgreement(ctx.db, agreementId);
  if (!agreement || !(await isAgreementVisible(ctx, actor, agreement)))
    throw new NotFoundError(MISSING);
  return agreement;
}

/** The organisations that have accepted being party (municipalities and police area). */
export const acceptedParties = (ctx: Ctx, agreementId: string) =>
  acceptedOrganisationIds(ctx.db, agreementId);

/**
 * May the actor create surveys and reports under the agreement's municipality? Editors of an
 * accepted municipality may; the police area's editors only once the agreement is signed.
 */
export async function mayActInMunicipality(
  ctx: Ctx,
  actor: Changer,
  agreementId: string
): Promise<boolean> {
  if (actor === SYSTEM) return true;
  const agreement = await findAgreement(ctx.db, agreementId);
  if (!agreement) return false;
  const accepted = await acceptedOrganisationIds(ctx.db, agreementId);
  if (agreement.status !== 'draft') return can(actor, 'agreement.edit', accepted);
  // A draft: only its municipalities' editors, and only once every municipality it names has
  // accepted (so that nobody acts under a municipality that has not joined).
  const municipalities = await agreementMunicipalityIds(ctx.db, agreementId);
  if (!municipalities.every((m) => accepted.includes(m))) return false;
  return can(actor, 'agreement.edit', municipalities);
}

/**
 * Besides the municipality's own editors, who acts in its name through this agreement: the police
 * area, once the agreement is signed (never another municipality the agreement also names).
 */
export async function signedPoliceAreaIds(ctx: Ctx, agreementId: string): Promise<string[]> {
  const agreement = await findAgreement(ctx.db, agreementId);
  if (!agreement?.police_area_id || agreement.status === 'draft') return [];
  const accepted = await acceptedOrganisationIds(ctx.db, agreementId);
  return accepted.includes(agreement.police_area_id) ? [agreement.police_area_id] : [];
}

/**
 * May the actor create things (surveys) under this municipality at all: its own editors, or an
 * editor of a police area that is party to a signed agreement with it. Checked before the input is
 * read, so that an outsider is refused whatever they send.
 */
export async function mayActForMunicipality(
  ctx: Ctx,
  actor: Changer,
  municipalityId: string
): Promise<boolean> {
  if (actor === SYSTEM || can(actor, 'agreement.edit', [municipalityId])) return true;
  if (!actor) return false;
  for (const id of await agreementIdsNaming(ctx.db, municipalityId))
    if (can(actor, 'agreement.edit', await signedPoliceAreaIds(ctx, id))) return true;
  return false;
}

/** Throws unless mayActInMunicipality. */
export async function assertMayActInMunicipality(
  ctx: Ctx,
  actor: Changer,
  agreementId: string
): Promise<void> {
  await assertAgreementVisible(ctx, actor, agreementId);
  if (!(await mayActInMunicipality(ctx, actor, agreementId)))
    throw new ForbiddenError(
      'Bara kommunens redaktörer, eller polisområdet när överenskommelsen är undertecknad, får göra detta.'
    );
}

/**
 * Called inside the transaction of any change to a draft's head: the approvals given so far no
 * longer count (the change is audited by the caller, the cleared approvals here).
 */
export async function headChanged(
  trx: Executor,
  ctx: Ctx,
  actor: Changer,
  agreementId: string
): Promise<void> {
  const agreement = await findAgreement(trx, agreementId);
  if (!agreement || agreement.status !== 'draft') return;
  const cleared = await clearApprovals(trx, agreementId);
  await bumpHeadVersion(trx, agreementId, ctx.now().toISOString());
  if (cleared)
    await recordAudit(
      trx,
      ctx.now(),
      {
        actorId: actor && actor !== SYSTEM ? actor.userId : null,
        organisationId: null,
        action: 'agreement.approvals-reset',
        entity: 'agreement',
        entityId: agreementId,
        after: { cleared }
      },
      ctx.config.audit.key
    );
}

export type ConsentView = Awaited<ReturnType<typeof getConsents>>;

/** Each party's state and what the actor may do now (accept for, approve for). */
export async function getConsents(ctx: Ctx, actor: Changer, agreementId: string) {
  const agreement = await assertAgreementVisible(ctx, actor, agreementId);
  const rows = await consentsOf(ctx.db, agreementId);
  const person = actor && actor !== SYSTEM ? actor : null;
  const alreadyApproved = !!person && rows.some((r) => r.approved_by === person.userId);
  const parties = rows.map((r) => ({
    organisationId: r.organisation_id,
    name: partyName(r),
    side: r.side,
    accepted: r.accepted_at ? { at: r.accepted_at, by: r.accepted_by_name } : null,
    approved: r.approved_at ? { at: r.approved_at, by: r.approved_by_name } : null,
    mayAccept: !!person && !r.accepted_at && editorMemberOf(person, r.organisation_id),
    mayApprove:
      !!person &&
      agreement.status === 'draft' &&
      !!r.accepted_at &&
      !r.approved_at &&
      !alreadyApproved &&
      editorMemberOf(person, r.organisation_id)
  }));
  return {
    agreementId,
    title: agreement.title,
    status: agreement.status,
    version: String(agreement.head_version ?? 1),
    parties,
    signed: agreement.status !== 'draft'
  };
}

const acceptInput = z.object({
  organisationId: z.string().trim().min(1, { message: 'Välj vilken part du godkänner för.' })
});

/** An editor of an invited organisation accepts that it is party to the agreement. */
export async function acceptAgreement(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  input: unknown
): Promise<void> {
  await assertAgreementVisible(ctx, actor, agreementId);
  const { organisationId } = parseInput(acceptInput, input);
  const row = (await consentsOf(ctx.db, agreementId)).find(
    (r) => r.organisation_id === organisationId
  );
  if (!row)
    throw new ValidationError([
      { field: 'organisationId', message: 'Organisationen är inte inbjuden till överenskommelsen.' }
    ]);
  if (!actor || !editorMemberOf(actor, organisationId))
    throw new ForbiddenError(`Bara en redaktör i ${partyName(row)} kan godkänna att den är part.`);
  if (row.accepted_at)
    throw new ValidationError([
      { field: 'organisationId', message: `${partyName(row)} är redan part i överenskommelsen.` }
    ]);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await markAccepted(trx, agreementId, organisationId, actor.userId, at);
    if (!Number(r.numUpdatedRows))
      throw new ValidationError([
        { field: 'organisationId', message: `${partyName(row)} är redan part i överenskommelsen.` }
      ]);
    await recordAudit(
      trx,
      ctx.now(),
      {
        actorId: actor.userId,
        organisationId,
        action: 'agreement.accept',
        entity: 'agreement',
        entityId: agreementId,
        after: { party: partyName(row), side: row.side }
      },
      ctx.config.audit.key
    );
  });
}

const approveInput = z.object({
  version: z.string().trim().min(1, { message: 'Ladda om sidan och godkänn igen.' })
});

/**
 * Approves the draft for the actor's party (an editor by membership of it; one person never
 * approves for two parties). When every party has approved, the agreement is signed.
 */
export async function approveAgreement(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  input: unknown
): Promise<{ signed: boolean; organisationId: string }> {
  const agreement = await assertAgreementVisible(ctx, actor, agreementId);
  const { version } = parseInput(approveInput, input);
  if (agreement.status !== 'draft')
    throw new ValidationError([
      { field: 'version', message: 'Överenskommelsen är redan undertecknad.' }
    ]);
  if (version !== String(agreement.head_version ?? 1))
    throw new ValidationError([
      {
        field: 'version',
        message:
          'Överenskommelsen har ändrats sedan du öppnade den. Läs den igen och godkänn sedan.'
      }
    ]);
  const rows = await consentsOf(ctx.db, agreementId);
  const mine = actor ? rows.filter((r) => editorMemberOf(actor, r.organisation_id)) : [];
  if (!actor || !mine.length)
    throw new ForbiddenError(
      'Bara en redaktör i en av överenskommelsens parter kan godkänna den, och bara för sin egen part.'
    );
  if (rows.some((r) => r.approved_by === actor.userId))
    throw new ForbiddenError(
      'Du har redan godkänt för en part. De andra parterna godkänner själva.'
    );
  const side = mine.find((r) => r.accepted_at && !r.approved_at);
  if (!side) {
    const invited = mine.find((r) => !r.accepted_at);
    throw new ValidationError([
      {
        field: 'version',
        message: invited
          ? `Godkänn först att ${partyName(invited)} är part i överenskommelsen.`
          : 'Din part har redan godkänt överenskommelsen.'
      }
    ]);
  }
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const r = await markApproved(trx, agreementId, side.organisation_id, actor.userId, at);
    const now = await findAgreement(trx, agreementId);
    if (!Number(r.numUpdatedRows) || !now || String(now.head_version ?? 1) !== version)
      throw new ValidationError([
        {
          field: 'version',
          message: 'Överenskommelsen har ändrats. Läs den igen och godkänn sedan.'
        }
      ]);
    await recordAudit(
      trx,
      ctx.now(),
      {
        actorId: actor.userId,
        organisationId: side.organisation_id,
        action: 'agreement.approve',
        entity: 'agreement',
        entityId: agreementId,
        after: { party: partyName(side), side: side.side }
      },
      ctx.config.audit.key
    );
    const after = await consentsOf(trx, agreementId);
    const signed = after.length > 0 && after.every((c) => c.accepted_at && c.approved_at);
    if (signed) {
      const signedOn = now.signed_on ?? stockholmDate(ctx.now());
      await updateAgreementRow(trx, agreementId, {
        status: 'signed',
        signed_on: signedOn,
        updated_at: at
      });
      await recordAudit(
        trx,
        ctx.now(),
        {
          actorId: actor.userId,
          organisationId: side.organisation_id,
          action: 'agreement.sign',
          entity: 'agreement',
          entityId: agreementId,
          before: { status: 'draft' },
          after: { status: 'signed', signedOn, parties: after.map(partyName) }
        },
        ctx.config.audit.key
      );
    }
    return { signed, organisationId: side.organisation_id };
  });
}

/** Drafts the actor's organisations are invited to and have not accepted (for "what is due"). */
export async function pendingInvitations(ctx: Ctx, actor: Actor | null) {
  if (!actor) return [];
  const orgs = actor.memberships
    .filter((m) => m.role === 'editor' || m.role === 'admin')
    .map((m) => m.organisationId);
  return invitationsOf(ctx.db, orgs);
}
