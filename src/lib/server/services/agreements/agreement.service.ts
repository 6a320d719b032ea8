import { parseTarget, type Target } from '../../../core';
import { can, SYSTEM, type Actor, type Changer } from '../../auth/policy';
import type { Ctx, Executor } from '../../context';
import { newId } from '../../context';
import { existingOrganisationIds } from '../../db/repositories/accounts/organisation.repository';
import { municipalityOfficialName } from '../../reference/sweden';
import {
  findAgreement,
  insertAgreement,
  listAgreementRows
} from '../../db/repositories/agreements/agreement.repository';
import {
  insertRevision,
  type RevisionRows
} from '../../db/repositories/agreements/plan.repository';
import type { MeasureTable } from '../../db/schema';
import { agreementDraft, type ParsedAgreementDraft } from './agreement.schema';
import { insertConsents } from '../../db/repositories/agreements/consent.repository';
import { acceptedParties, initialConsents, isAgreementVisible } from './agreement-consent.service';
import { auditedChange } from '../shared/audit.service';
import {
  fieldErrorsFromZod,
  ForbiddenError,
  NotFoundError,
  ValidationError
} from '../shared/errors';

/** An agreement in a list: the contract of GET /api/v1/agreements. */
export type AgreementSummary = {
  id: string;
  title: string;
  status: string;
  demo: boolean;
  municipalities: { code: string; name: string; officialName: string }[];
  period: { start: string; end: string };
};

/** Builds a measure row from its draft; the target is the hand-set structure or the parsed words. */
export function measureRow(
  m: ParsedAgreementDraft['plan']['groups'][number]['measures'][number],
  ids: { id: string; revisionId: string; groupId: string; position: number }
): MeasureTable {
  const target: Target = m.target ?? parseTarget(m.targetText);
  return {
    id: ids.id,
    revision_id: ids.revisionId,
    group_id: ids.groupId,
    measure_key: m.key,
    position: ids.position,
    title: m.title,
    description: m.description,
    target_text: m.targetText,
    target_json: JSON.stringify({ ...target, text: m.targetText }),
    responsible_party_id: m.responsiblePartyId,
    follow_up_method: m.followUpMethod,
    visibility: m.visibility,
    publication_rule: m.publicationRule,
    publication_delay_days: m.publicationDelayDays,
    starts_on: m.startsOn,

    ends_on: m.endsOn,
    change_reason: m.changeReason
  };
}

/** Rows of a first revision built from a parsed draft's plan. */
function revisionRows(
  a: ParsedAgreementDraft,
  agreementId: string,
  focusIds: Map<string, string>,
  at: string,
  demo: boolean
): RevisionRows {
  const revisionId = newId();
  const rows: RevisionRows = {
    revision: {
      id: revisionId,
      agreement_id: agreementId,
      year: a.plan.year,
      based_on_id: null,
      note: a.plan.note,
      removed_json: '[]',
      demo: demo ? 1 : 0,
      created_at: at
    },
    groups: [],
    measures: [],
    measureParties: [],
    measureFocusAreas: []
  };
  let position = 0;
  a.plan.groups.forEach((g, gi) => {
    const groupId = newId();
    rows.groups.push({ id: groupId, revision_id: revisionId, position: gi, title: g.title });
    for (const m of g.measures) {
      const id = newId();
      rows.measures.push(measureRow(m, { id, revisionId, groupId, position: position++ }));
      for (const p of new Set(m.partyIds))
        rows.measureParties.push({ measure_id: id, party_id: p });
      for (const k of new Set(m.focusAreaKeys)) {
        const fa = focusIds.get(k);
        if (!fa)
          throw new ValidationError([
            {
              field: `plan.measures.${m.key}.focusAreaKeys`,
              message: `Fokusområdet "${k}" finns inte i överenskommelsen.`
            }
          ]);
        rows.measureFocusAreas.push({ measure_id: id, focus_area_id: fa });
      }
    }
  });
  return rows;
}

/** Checks that every organisation a draft names exists. */
async function assertOrganisationsExist(db: Executor, a: ParsedAgreementDraft): Promise<void> {
  const named = new Set([
    ...a.municipalityIds,
    ...(a.policeAreaId ? [a.policeAreaId] : []),
    ...a.partyIds,
    ...a.plan.groups.flatMap((g) =>
      g.measures.flatMap((m) => [
        ...m.partyIds,
        ...(m.responsiblePartyId ? [m.responsiblePartyId] : [])
      ])
    )
  ]);
  if (!named.size) return;
  const found = new Set(await existingOrganisationIds(db, [...named]));
  const missing = [...named].filter((id) => !found.has(id));
  if (missing.length)
    throw new ValidationError([
      { field: 'parties', message: `Okända organisationer: ${missing.join(', ')}.` }
    ]);
}

/**
 * Creates an agreement with its first plan revision. Editors of one of its municipalities or its
 * police area may; the organisations they are editors in are its parties, the others it names are
 * invited until their own editors accept. Only the system (seed, CLI) creates one already signed:
 * a person's agreement is a draft until every party has approved it.
 */
export async function createAgreement(
  ctx: Ctx,
  actor: Changer,
  input: unknown,
  options: { demo?: boolean } = {}
): Promise<{ id: string }> {
  const parsed = agreementDraft.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const a = parsed.data;
  const orgs = [...a.municipalityIds, ...(a.policeAreaId ? [a.policeAreaId] : [])];
  if (actor !== SYSTEM && !can(actor, 'agreement.edit', orgs)) {
    const editorSomewhere = !!actor?.memberships.some(
      (m) => m.role === 'editor' || m.role === 'admin'
    );
    throw new ForbiddenError(
      editorSomewhere
        ? 'Du kan bara skapa överenskommelser för kommuner och polisområden där du är redaktör.'
        : 'Bara redaktörer kan skapa överenskommelser. Be en administratör om rollen redaktör.'
    );
  }

  if (actor !== SYSTEM && a.status !== 'draft')
    throw new ValidationError([
      {
        field: 'status',
        message:
          'En ny överenskommelse är ett utkast. Den blir undertecknad när varje part har godkänt den.'
      }
    ]);
  await assertOrganisationsExist(ctx.db, a);
  const id = newId();
  const at = ctx.now().toISOString();
  const focusIds = new Map(a.focusAreas.map((f) => [f.key, newId()]));
  const measurePartyIds = a.plan.groups.flatMap((g) => g.measures.flatMap((m) => m.partyIds));
  const partyIds = [...new Set([...a.partyIds, ...measurePartyIds])].filter(
    (p) => !a.municipalityIds.includes(p) && p !== a.policeAreaId
  );
  const effects = a.effects.map((e, i) => ({
    row: { id: newId(), agreement_id: id, position: i, title: e.title, direction: e.direction },
    indicators: e.indicators
  }));
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: a.municipalityIds[0] ?? null,
      action: 'agreement.create',
      entity: 'agreement',
      entityId: id,
      after: {
        title: a.title,
        period: [a.periodStart, a.periodEnd],
        measures: a.plan.groups.reduce((n, g) => n + g.measures.length, 0)
      }
    },
    async (trx) => {
      await insertAgreement(trx, {
        agreement: {
          id,
          title: a.title,
          police_area_id: a.policeAreaId,
          status: a.status,
          period_start: a.periodStart,
          period_end: a.periodEnd,
          period_text: a.periodText,
          situation_summary: a.situationSummary,
          communication: a.communication,
          signed_on: a.signedOn,
          demo: options.demo ? 1 : 0,
          created_at: at,
          updated_at: at
        },
        municipalityIds: a.municipalityIds,
        partyIds,
        signatories: a.signatories.map((s) => ({
          id: newId(),
          agreement_id: id,
          name: s.name,
          title: s.title,
          organisation_id: s.organisationId
        })),
        focusAreas: a.focusAreas.map((f, i) => ({
          id: focusIds.get(f.key) ?? newId(),
          agreement_id: id,
          position: i,
          title: f.title,
          description: f.description,
          prevention_types: JSON.stringify(f.preventionTypes),
          special_attention: f.specialAttention
        })),
        effects: effects.map((e) => e.row),
        indicators: effects.flatMap((e) =>
          e.indicators.map((ind) => ({
            id: newId(),
            effect_id: e.row.id,
            name: ind.name,
            unit: ind.unit,
            direction: ind.direction,
            source: ind.source
          }))
        )
      });
      await insertConsents(trx, initialConsents(actor, id, a, at, a.status !== 'draft'));
      await insertRevision(trx, revisionRows(a, id, focusIds, at, !!options.demo));
    }
  );
  return { id };
}

/**
 * Agreements, optionally of one municipality or some police areas, as summaries: published ones,
 * and drafts only for `viewer` when it is staff of an organisation the draft names.
 */
export async function listAgreements(
  ctx: Ctx,
  filter: { municipalityId?: string; policeAreaIds?: string[] } = {},
  viewer: Changer = null
): Promise<AgreementSummary[]> {
  const rows = [];
  for (const a of await listAgreementRows(ctx.db, filter))
    if (a.status !== 'draft' || (await isAgreementVisible(ctx, viewer, a))) rows.push(a);
  return rows.map((a) => ({
    id: a.id,
    title: a.title,
    status: a.status,
    demo: a.demo === 1,
    municipalities: a.municipalities.map((m) => ({
      code: m.code ?? '',
      name: m.name,
      officialName: municipalityOfficialName(m.name)
    })),
    period: { start: a.period_start, end: a.period_end }
  }));
}

/** May the actor edit this agreement (an editor of one of its municipalities or its police area that has accepted)? */
export async function canEditAgreement(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string
): Promise<boolean> {
  return can(actor, 'agreement.edit', await acceptedParties(ctx, agreementId));
}

/** Throws unless the actor may edit the agreement. */
export async function assertCanEdit(ctx: Ctx, actor: Changer, agreementId: string): Promise<void> {
  const agreement = await findAgreement(ctx.db, agreementId);
  if (!agreement || !(await isAgreementVisible(ctx, actor, agreement)))
    throw new NotFoundError('Överenskommelsen finns inte.');
  if (actor !== SYSTEM && !(await canEditAgreement(ctx, actor, agreementId))) {
    throw new ForbiddenError(
      'Bara redaktörer i överenskommelsens kommun eller polisområde får ändra den, när deras organisation har godkänt att den är part.'
    );
  }
}
