import { z } from 'zod';
import { isoDate, parseInput } from '../shared/validation';
import type { Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  findAgreement,
  updateAgreementRow
} from '../../db/repositories/agreements/agreement.repository';
import {
  deleteFocusArea,
  findFocusArea,
  groupsOf,
  insertFocusArea,
  insertGroup,
  measureKeyTaken,
  nextMeasurePosition,
  nextPosition,
  updateFocusAreaRow
} from '../../db/repositories/agreements/agreement-parts.repository';
import { insertRevision, listRevisions } from '../../db/repositories/agreements/plan.repository';
import { measureDraft, PREVENTION_TYPES } from './agreement.schema';
import { assertCanEdit, measureRow } from './agreement.service';
import { assertLatestRevision } from './plan.service';
import { headChanged } from './agreement-consent.service';
import { auditedChange } from '../shared/audit.service';
import { NotFoundError, ValidationError } from '../shared/errors';

const date = isoDate();
const parse = parseInput;

const headInput = z
  .object({
    title: z.string().trim().min(1, { message: 'Skriv en titel.' }).max(300),
    status: z.enum(['draft', 'signed', 'ended'], {
      message: 'Välj utkast, undertecknat eller avslutat.'
    }),
    periodStart: date,
    periodEnd: date,
    periodText: z.string().trim().max(500).default(''),
    situationSummary: z.string().trim().max(20000).default(''),
    communication: z.string().trim().max(10000).default(''),
    signedOn: z.union([date, z.literal('')]).transform((v) => v || null)
  })
  .refine((a) => a.periodStart <= a.periodEnd, {
    path: ['periodEnd'],
    message: 'Slutdatum måste vara samma dag som eller efter startdatum.'
  });

/**
 * Changes an agreement's own fields: title, status, period and texts. A draft becomes signed only
 * through every party's approval (agreement-consent.service), never here; a signed agreement may
 * be ended, and an ended one reopened. While it is a draft, a change clears the approvals given.
 */
export async function updateAgreementHead(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parse(headInput, input);
  const before = await findAgreement(ctx.db, agreementId);
  if (before?.status === 'draft' && v.status !== 'draft')
    throw new ValidationError([
      {
        field: 'status',
        message:
          'Ett utkast blir undertecknat när varje part har godkänt det på överenskommelsens sida, inte här.'
      }
    ]);
  await auditedChange(
    ctx,
    actor,
    {
      action: 'agreement.update',
      entity: 'agreement',
      entityId: agreementId,
      before: before && {
        title: before.title,
        status: before.status,
        period: [before.period_start, before.period_end]
      },
      after: { title: v.title, status: v.status, period: [v.periodStart, v.periodEnd] }
    },
    async (trx) => {
      await updateAgreementRow(trx, agreementId, {
        title: v.title,
        status: v.status,
        period_start: v.periodStart,
        period_end: v.periodEnd,
        period_text: v.periodText,
        situation_summary: v.situationSummary,
        communication: v.communication,
        signed_on: v.signedOn,
        updated_at: ctx.now().toISOString()
      });
      await headChanged(trx, ctx, actor, agreementId);
    }
  );
}

const focusInput = z.object({
  title: z.string().trim().min(1, { message: 'Skriv fokusområdets titel.' }).max(300),
  description: z.string().trim().max(4000).default(''),
  preventionTypes: z.array(z.enum(PREVENTION_TYPES)).default([]),
  specialAttention: z
    .string()
    .trim()
    .max(300)
    .transform((v) => v || null)
    .default('')
});

/** Adds a focus area to an agreement. */
export async function addFocusArea(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<{ id: string }> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parse(focusInput, input);
  const id = newId();
  await auditedChange(
    ctx,
    actor,
    {
      action: 'focus-area.create',
      entity: 'focus_area',
      entityId: id,
      after: v
    },
    async (trx) => {
      await insertFocusArea(trx, {
        id,
        agreement_id: agreementId,
        position: await nextPosition(trx, 'focus_areas', agreementId),
        title: v.title,
        description: v.description,
        prevention_types: JSON.stringify(v.preventionTypes),
        special_attention: v.specialAttention
      });
      await headChanged(trx, ctx, actor, agreementId);
    }
  );
  return { id };
}

/** Changes a focus area. */
export async function updateFocusArea(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  focusAreaId: string,
  input: unknown
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parse(focusInput, input);
  const before = await findFocusArea(ctx.db, agreementId, focusAreaId);
  if (!before) throw new NotFoundError('Fokusområdet finns inte.');
  await auditedChange(
    ctx,
    actor,
    {
      action: 'focus-area.update',
      entity: 'focus_area',
      entityId: focusAreaId,
      before: { title: before.title, description: before.description },
      after: v
    },
    async (trx) => {
      await updateFocusAreaRow(trx, focusAreaId, {
        title: v.title,
        description: v.description,
        prevention_types: JSON.stringify(v.preventionTypes),
        special_attention: v.specialAttention
      });
      await headChanged(trx, ctx, actor, agreementId);
    }
  );
}

/** Removes a focus area; measures stay, without the link. */
export async function removeFocusArea(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  focusAreaId: string
): Promise<void> {
  await assertCanEdit(ctx, actor, agreementId);
  const before = await findFocusArea(ctx.db, agreementId, focusAreaId);
  if (!before) throw new NotFoundError('Fokusområdet finns inte.');
  await auditedChange(
    ctx,
    actor,
    {
      action: 'focus-area.remove',
      entity: 'focus_area',
      entityId: focusAreaId,
      before: { title: before.title }
    },
    async (trx) => {
      await deleteFocusArea(trx, focusAreaId);
      await headChanged(trx, ctx, actor, agreementId);
    }
  );
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/å|ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'atgard';

const newMeasureInput = measureDraft.omit({ key: true }).extend({
  year: z.coerce.number().int(),
  groupId: z.string().default(''),
  newGroupTitle: z.string().trim().max(300).default(''),
  changeReason: z
    .string()
    .trim()
    .min(1, { message: 'Skriv varför åtgärden läggs till, så att invånarna kan läsa det.' })
    .max(1000)
});

/** Adds a measure to a year's plan, under an existing heading or a new one. */
export async function addMeasure(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown
): Promise<{ id: string }> {
  await assertCanEdit(ctx, actor, agreementId);
  const v = parse(newMeasureInput, input);
  const revision = (await listRevisions(ctx.db, agreementId)).find((r) => r.year === v.year);
  if (revision) await assertLatestRevision(ctx, agreementId, revision.id, revision.year);
  if (!revision)
    throw new ValidationError([
      { field: 'year', message: `Det finns ingen plan för ${v.year}. Starta den först.` }
    ]);
  const groups = await groupsOf(ctx.db, revision.id);
  if (!v.newGroupTitle && !groups.some((g) => g.id === v.groupId)) {
    throw new ValidationError([{ field: 'groupId', message: 'Välj en rubrik eller skriv en ny.' }]);
  }
  let key = slug(v.title);
  for (let i = 2; await measureKeyTaken(ctx.db, agreementId, key); i++)
    key = `${slug(v.title)}-${i}`;
  const id = newId();
  await auditedChange(
    ctx,
    actor,
    {
      action: 'measure.create',
      entity: 'measure',
      entityId: id,
      after: { title: v.title, targetText: v.targetText, year: v.year, reason: v.changeReason }
    },
    async (trx) => {
      let groupId = v.groupId;
      if (v.newGroupTitle) {
        groupId = newId();
        await insertGroup(trx, {
          id: groupId,
          revision_id: revision.id,
          position: groups.length,
          title: v.newGroupTitle
        });
      }
      await insertRevision(trx, {
        revision: null,
        groups: [],
        measures: [
          measureRow(
            { ...v, key },
            {
              id,
              revisionId: revision.id,
              groupId,
              position: await nextMeasurePosition(trx, revision.id)
            }
          )
        ],
        measureParties: [...new Set(v.partyIds)].map((p) => ({ measure_id: id, party_id: p })),
        measureFocusAreas: [...new Set(v.focusAreaKeys)].map((f) => ({
          measure_id: id,
          focus_area_id: f
        }))
      });
    }
  );
  return { id };
}
