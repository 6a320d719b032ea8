import { z } from 'zod';
import { isoDate } from '../shared/validation';
import {
  diffPlans,
  type MeasureChange,
  type PlanMeasure,
  type RemovedMeasure
} from '../../../core/plan-diff';
import type { Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  deleteMeasureRow,
  findMeasure,
  insertRevision,
  insertTargetChange,
  targetChangesOf,
  listRevisions,
  loadRevisionContent,
  setRemoved,
  updateMeasureRow
} from '../../db/repositories/agreements/plan.repository';
import { organisationNames } from '../../db/repositories/accounts/organisation.repository';
import { measureDraft } from './agreement.schema';
import { assertCanEdit, measureRow } from './agreement.service';
import { findAgreement } from '../../db/repositories/agreements/agreement.repository';
import { auditedChange } from '../shared/audit.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { addDays } from '../../../core';
import { fieldErrorsFromZod, NotFoundError, ValidationError } from '../shared/errors';

/** Starts the plan for `year` as a copy of the latest earlier revision; every revision is kept. */
export async function startRevision(
  ctx: Ctx,
  actor: Changer,
  agreementId: string,
  input: unknown,
  options: { demo?: boolean } = {}
): Promise<{ id: string }> {
  await assertCanEdit(ctx, actor, agreementId);
  const parsed = z
    .object({
      year: z.coerce
        .number({ message: 'Ange året med siffror, till exempel 2020.' })
        .int({ message: 'Ange året med siffror, till exempel 2020.' })
        .min(2000, { message: 'Ange ett år från 2000, till exempel 2020.' })
        .max(2100, { message: 'Ange ett år före 2100.' }),
      note: z.string().trim().max(4000).default('')
    })
    .safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const { year, note } = parsed.data;
  const agreement = await findAgreement(ctx.db, agreementId);
  const [first, last] = [
    Number(agreement?.period_start.slice(0, 4)),
    Number(agreement?.period_end.slice(0, 4))
  ];
  if (year < first || year > last) {
    throw new ValidationError([
      {
        field: 'year',
        message: `Överenskommelsen gäller ${first}–${last}. Välj ett år inom perioden, eller förläng perioden först under Redigera.`
      }
    ]);
  }
  const revisions = await listRevisions(ctx.db, agreementId);
  if (revisions.some((r) => r.year === year))
    throw new ValidationError([
      { field: 'year', message: `Det finns redan en plan för ${year}. Ändra den i stället.` }
    ]);
  const base = [...revisions].reverse().find((r) => r.year < year);
  if (!base)
    throw new ValidationError([
      {
        field: 'year',
        message: 'En ny plan bygger på en tidigare: välj ett år efter den första planen.'
      }
    ]);
  const content = await loadRevisionContent(ctx.db, base.id);
  const id = newId();
  const groupIds = new Map(content.groups.map((g) => [g.id, newId()]));
  const measureIds = new Map(content.measures.map((m) => [m.id, newId()]));
  await auditedChange(
    ctx,
    actor,
    {
      action: 'plan.revision.start',
      entity: 'agreement',
      entityId: agreementId,
      after: { year, basedOn: base.year }
    },
    async (trx) => {
      await insertRevision(trx, {
        revision: {
          id,
          agreement_id: agreementId,
          year,
          based_on_id: base.id,
          note,
          removed_json: '[]',
          demo: options.demo ? 1 : 0,
          created_at: ctx.now().toISOString()
        },
        groups: content.groups.map((g) => ({
          ...g,
          id: groupIds.get(g.id) ?? newId(),
          revision_id: id
        })),
        // A copied measure starts with no change reason: reasons belong to the revision that changed it.
        measures: content.measures.map((m) => ({
          ...m,
          id: measureIds.get(m.id) ?? newId(),
          revision_id: id,
          group_id: groupIds.get(m.group_id) ?? m.group_id,
          change_reason: null
        })),
        measureParties: content.parties.map((p) => ({
          measure_id: measureIds.get(p.measure_id) ?? '',
          party_id: p.id
        })),
        measureFocusAreas: content.focusAreas.map((f) => ({
          measure_id: measureIds.get(f.measure_id) ?? '',
          focus_area_id: f.focus_area_id
        }))
      });
    }
  );
  return { id };
}

const editInput = measureDraft.omit({ key: true }).extend({
  changeReason: z
    .string()
    .trim()
    .min(1, { message: 'Skriv varför åtgärden ändras, så att invånarna kan läsa det.' })
    .max(1000),
  /**
   * The day a changed target takes effect: today unless given. A day at or before the version's
   * start corrects the plan as written (nothing earlier is kept); it cannot lie in the future.
   */
  targetEffectiveFrom: isoDate(
    'Skriv dagen målet gäller från som ÅÅÅÅ-MM-DD, till exempel 2026-12-03.'
  ).optional()
});

/** Edits a measure in its revision, with the reason for the change; the before and after go to the audit trail. */
export async function updateMeasure(
  ctx: Ctx,
  actor: Changer,
  measureId: string,
  input: unknown
): Promise<void> {
  const existing = await findMeasure(ctx.db, measureId);
  if (!existing) throw new NotFoundError('Åtgärden finns inte.');
  await assertCanEdit(ctx, actor, existing.agreement_id);
  await assertLatestRevision(ctx, existing.agreement_id, existing.revision_id, existing.year);
  const parsed = editInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const m = parsed.data;
  // Several changes in one year's plan keep every reason, in order.
  const changeReason =
    existing.change_reason && existing.change_reason !== m.changeReason
      ? `${existing.change_reason} ${m.changeReason}`
      : m.changeReason;
  const row = measureRow(
    { ...m, changeReason, key: existing.measure_key },
    {
      id: measureId,
      revisionId: existing.revision_id,
      groupId: existing.group_id,
      position: existing.position
    }
  );
  const focusAreaIds = m.focusAreaKeys; // on edit, focus areas are given by id
  await auditedChange(
    ctx,
    actor,
    {
      action: 'measure.update',
      entity: 'measure',
      entityId: measureId,
      before: {
        title: existing.title,
        targetText: existing.target_text,
        responsible: existing.responsible_party_id,
        visibility: existing.visibility
      },
      after: {
        title: row.title,
        targetText: row.target_text,
        responsible: row.responsible_party_id,
        visibility: row.visibility,
        reason: m.changeReason
      }
    },
    async (trx) => {
      const {
        id: _id,
        revision_id: _r,
        group_id: _g,
        measure_key: _k,
        position: _p,
        ...patch
      } = row;
      await updateMeasureRow(
        trx,
        measureId,
        patch,
        [...new Set(m.partyIds)],
        [...new Set(focusAreaIds)]
      );
      await keepEarlierTarget(ctx, trx, existing, row.target_json, m.targetEffectiveFrom);
    }
  );
}

/**
 * A revision never rewrites the past: when a measure's target changes, the old target keeps
 * governing through the day before the change takes effect (today, or `targetEffectiveFrom`),
 * stored in measure_target_changes. A change effective at or before the measure's version or
 * start day corrects the plan as written (nothing is kept); a second change the same day keeps
 * only the first earlier target.
 */
async function keepEarlierTarget(
  ctx: Ctx,
  trx: Parameters<typeof insertTargetChange>[0],
  existing: {
    id: string;
    agreement_id: string;
    year: number;
    starts_on: string | null;
    target_json: string;
    target_text: string;
  },
  newTargetJson: string,
  effectiveFrom: string | undefined
): Promise<void> {
  if (newTargetJson === existing.target_json) return;
  const today = stockholmDate(ctx.now());
  if (effectiveFrom && effectiveFrom > today)
    throw new ValidationError([
      {
        field: 'targetEffectiveFrom',
        message: 'Gäller från kan inte ligga efter i dag: ändra målet den dagen det börjar gälla.'
      }
    ]);
  const yesterday = addDays(effectiveFrom ?? today, -1);
  const yearStart = `${existing.year}-01-01`;
  const from =
    existing.starts_on && existing.starts_on > yearStart ? existing.starts_on : yearStart;
  if (yesterday < from) return;
  const earlier = (await targetChangesOf(trx, existing.agreement_id)).filter(
    (c) => c.measure_id === existing.id
  );
  if (earlier.some((c) => c.until_on >= yesterday)) return;
  await insertTargetChange(trx, {
    id: newId(),
    measure_id: existing.id,
    until_on: yesterday,
    target_text: existing.target_text,
    target_json: existing.target_json,
    created_at: ctx.now().toISOString()
  });
}

/** Removes a measure from its revision, keeping the reason so the comparison can show it. */
export async function removeMeasure(
  ctx: Ctx,
  actor: Changer,
  measureId: string,
  input: unknown
): Promise<void> {
  const existing = await findMeasure(ctx.db, measureId);
  if (!existing) throw new NotFoundError('Åtgärden finns inte.');
  await assertCanEdit(ctx, actor, existing.agreement_id);
  await assertLatestRevision(ctx, existing.agreement_id, existing.revision_id, existing.year);
  const parsed = z
    .object({
      reason: z.string().trim().min(1, { message: 'Skriv varför åtgärden tas bort.' }).max(1000)
    })
    .safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const revision = (await listRevisions(ctx.db, existing.agreement_id)).find(
    (r) => r.id === existing.revision_id
  );
  const removed = [
    ...(JSON.parse(revision?.removed_json ?? '[]') as RemovedMeasure[]),
    { key: existing.measure_key, title: existing.title, reason: parsed.data.reason }
  ];
  await auditedChange(
    ctx,
    actor,
    {
      action: 'measure.remove',
      entity: 'measure',
      entityId: measureId,
      before: { title: existing.title, targetText: existing.target_text },
      after: { reason: parsed.data.reason }
    },
    async (trx) => {
      await deleteMeasureRow(trx, measureId);
      await setRemoved(trx, existing.revision_id, JSON.stringify(removed));
    }
  );
}

async function planMeasures(
  ctx: Ctx,
  revisionId: string,
  includeInternal: boolean
): Promise<PlanMeasure[]> {
  const c = await loadRevisionContent(ctx.db, revisionId);
  c.measures = c.measures.filter((m) => includeInternal || m.visibility === 'public');
  const names = new Map(
    (
      await organisationNames(ctx.db, [
        ...new Set(c.measures.map((m) => m.responsible_party_id).filter((x): x is string => !!x))
      ])
    ).map((o) => [o.id, o.name])
  );
  const groups = new Map(c.groups.map((g) => [g.id, g.title]));
  return c.measures.map((m) => ({
    key: m.measure_key,
    title: m.title,
    description: m.description,
    group: groups.get(m.group_id) ?? '',
    targetText: m.target_text,
    responsible: m.responsible_party_id
      ? (names.get(m.responsible_party_id) ?? m.responsible_party_id)
      : null,
    parties: c.parties.filter((p) => p.measure_id === m.id).map((p) => p.name),
    visibility: m.visibility,
    changeReason: m.change_reason
  }));
}

/** Compares two yearly plans of an agreement: added, changed and removed measures with their reasons. */
export async function compareRevisions(
  ctx: Ctx,
  agreementId: string,
  fromYear: number,
  toYear: number,
  options: { includeInternal?: boolean } = {}
): Promise<{ from: number; to: number; changes: MeasureChange[] }> {
  const revisions = await listRevisions(ctx.db, agreementId);
  const a = revisions.find((r) => r.year === fromYear);
  const b = revisions.find((r) => r.year === toYear);
  if (!a || !b)
    throw new ValidationError([
      {
        field: !a ? 'fran' : 'till',
        message: `Det finns ingen plan för ${!a ? fromYear : toYear}.`
      }
    ]);
  // Removals recorded in every revision after `a` up to `b` explain what is gone.
  const removed = revisions
    .filter((r) => r.year > fromYear && r.year <= toYear)
    .flatMap((r) => JSON.parse(r.removed_json) as RemovedMeasure[]);
  return {
    from: fromYear,
    to: toYear,
    changes: diffPlans(
      await planMeasures(ctx, a.id, !!options.includeInternal),
      await planMeasures(ctx, b.id, !!options.includeInternal),
      removed
    )
  };
}

/** Only the newest plan can change: earlier years are history, and their follow-up must not move. */
export async function assertLatestRevision(
  ctx: Ctx,
  agreementId: string,
  revisionId: string,
  year: number
): Promise<void> {
  const revisions = await listRevisions(ctx.db, agreementId);
  const latest = revisions[revisions.length - 1];
  if (latest && latest.id !== revisionId) {
    throw new ValidationError([
      {
        field: 'plan',
        message: `Planen för ${year} är låst eftersom det finns en senare plan (${latest.year}). Ändra i planen för ${latest.year}.`
      }
    ]);
  }
}
