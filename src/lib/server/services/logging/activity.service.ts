import { z } from 'zod';
import { isoDate, strictInt } from '../shared/validation';
import type { Target } from '../../../core';
import { publishAfter } from '../../../core/publication';
import { can, changerId, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  findActivity,
  findByIdempotencyKey,
  insertActivityUnlessKeyStored,
  updateActivityRow
} from '../../db/repositories/logging/activity.repository';
import {
  agreementOrganisationIds,
  findAgreement
} from '../../db/repositories/agreements/agreement.repository';
import {
  findMeasure,
  listRevisions,
  loadRevisionContent
} from '../../db/repositories/agreements/plan.repository';
import type { ActivityTable, PublicationRule } from '../../db/schema';
import { auditedChange } from '../shared/audit.service';
import { stockholmDate } from '../../../core/stockholm-date';
import {
  fieldErrorsFromZod,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  type FieldError
} from '../shared/errors';

/** An activity as the API and pages show it to those who may see it. */
export type ActivityView = {
  id: string;
  agreementId: string;
  measureKey: string;
  date: string;
  count: number;
  shifts: number;
  grade: string | null;
  place: string | null;
  partyIds: string[];
  note: string | null;
  publication: PublicationRule;
  publishAfter: string | null;
  demo: boolean;
  createdAt: string;
  deletedAt: string | null;
};

/** Shapes an activity row for output. */
export const presentActivity = (r: ActivityTable): ActivityView => ({
  id: r.id,
  agreementId: r.agreement_id,
  measureKey: r.measure_key,
  date: r.occurred_on,
  count: Number(r.count),
  shifts: Number(r.shifts),
  grade: r.grade,
  place: r.place,
  partyIds: JSON.parse(r.party_ids) as string[],
  note: r.note,
  publication: r.publication,
  publishAfter: r.publication === 'internal' ? null : r.publish_after,
  demo: r.demo === 1,
  createdAt: r.created_at,
  deletedAt: r.deleted_at
});

const date = isoDate();
export const logInput = z.object({
  measureId: z.string().min(1, { message: 'Välj vilken åtgärd du har gjort.' }),
  date: date.optional(),
  // A number or plain digits: `true`, `[1]`, '1e3' are refused by name, not read as a count.
  count: strictInt(
    z
      .number({ message: 'Skriv antalet som ett heltal med siffror, till exempel 2.' })
      .int({ message: 'Antalet ska vara ett heltal.' })
      .min(1, { message: 'Antalet måste vara minst 1.' })
      .max(1000, { message: 'Högst 1000 åt gången. Dela upp större mängder.' })
  ).default(1),
  shifts: strictInt(
    z
      .number({ message: 'Skriv antalet pass som ett heltal med siffror, till exempel 1.' })
      .int({ message: 'Antalet pass ska vara ett heltal.' })
      .min(0, { message: 'Antalet pass kan inte vara negativt.' })
      .max(100, { message: 'Högst 100 pass åt gången.' })
  ).optional(),
  grade: z.string().trim().max(20).optional(),
  place: z.string().trim().max(200, { message: 'Platsen får vara högst 200 tecken.' }).optional(),
  partyIds: z.array(z.string()).max(20).default([]),
  note: z
    .string()
    .trim()
    .max(2000, { message: 'Anteckningen får vara högst 2000 tecken.' })
    .optional(),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
  publication: z
    .enum(['public', 'delayed', 'monthly', 'internal'], {
      message: 'Välj public, delayed, monthly eller internal.'
    })
    .optional()
});

// The rule itself is pure and lives in core; kept exported here for the importer and the demo.
export { publishAfter };

/** The shape of an activity's own fields (count, shifts, grade, place, note), as logging checks them. */
export const activityFields = logInput.pick({
  count: true,
  shifts: true,
  grade: true,
  place: true,
  note: true
});

/**
 * What an activity must satisfy beyond its fields' shapes: a day that has been, within the
 * agreement's period, shifts for every-shift targets and a valid grade for per-grade targets.
 * Pure, so logging and spreadsheet imports apply the same rules.
 */
export function activityRuleProblems(
  v: { date: string; shifts?: number; grade?: string },
  rules: { today: string; periodStart: string; periodEnd: string; target: Target }
): FieldError[] {
  const out: FieldError[] = [];
  if (v.date > rules.today)
    out.push({
      field: 'date',
      message: 'Logga det som är gjort: datumet kan inte vara i framtiden.'
    });
  else if (v.date < rules.periodStart || v.date > rules.periodEnd)
    out.push({
      field: 'date',
      message: `Datumet ligger utanför överenskommelsens period ${rules.periodStart} – ${rules.periodEnd}.`
    });
  const t = rules.target;
  if (t.kind === 'every-shift' && !v.shifts)
    out.push({
      field: 'shifts',
      message: 'Skriv hur många arbetspass du arbetade, så att andelen pass kan räknas.'
    });
  if (t.kind === 'count' && t.perUnit && !t.perUnit.values.includes(v.grade ?? ''))
    out.push({
      field: 'grade',
      message: `Välj ${t.perUnit.label}: ${t.perUnit.values.join(', ')}.`
    });
  return out;
}

/** Rolls back a logging whose idempotency key a concurrent retry stored first. */
class KeyAlreadyStored extends Error {}

/**
 * Logs what was done against a measure. Sending the same idempotency key again returns the
 * activity stored the first time, so an offline queue can retry safely.
 */
export async function logActivity(
  ctx: Ctx,
  actor: Changer,
  input: unknown
): Promise<{ activity: ActivityView; created: boolean }> {
  if (!actor) throw new UnauthenticatedError();
  const r = logInput.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  const v = r.data;
  const stored = async (key: string) => {
    const existing = await findByIdempotencyKey(ctx.db, key);
    if (!existing) return null;
    if (existing.created_by !== changerId(actor))
      throw new ValidationError([
        { field: 'idempotencyKey', message: 'Nyckeln är redan använd. Skicka en ny.' }
      ]);
    return { activity: presentActivity(existing), created: false };
  };
  if (v.idempotencyKey) {
    const seen = await stored(v.idempotencyKey);
    if (seen) return seen;
  }
  const measure = await findMeasure(ctx.db, v.measureId);
  if (!measure)
    throw new ValidationError([
      { field: 'measureId', message: 'Åtgärden finns inte. Välj en åtgärd i listan.' }
    ]);
  const agreement = await findAgreement(ctx.db, measure.agreement_id);
  if (!agreement) throw new NotFoundError('Överenskommelsen finns inte.');
  const orgs = await agreementOrganisationIds(ctx.db, agreement.id);
  if (actor !== 'system' && !can(actor, 'activity.log', orgs)) {
    throw new ForbiddenError(
      'Du kan bara logga aktiviteter för överenskommelser som din organisation är med i.'
    );
  }
  const today = stockholmDate(ctx.now());
  const day = v.date ?? today;
  const problems = activityRuleProblems(
    { date: day, shifts: v.shifts, grade: v.grade },
    {
      today,
      periodStart: agreement.period_start,
      periodEnd: agreement.period_end,
      target: JSON.parse(measure.target_json) as Target
    }
  );
  if (problems.length) throw new ValidationError(problems);
  const rule = v.publication ?? measure.publication_rule;
  const row: ActivityTable = {
    id: newId(),
    agreement_id: agreement.id,
    measure_key: measure.measure_key,
    occurred_on: day,
    count: v.count,
    shifts: v.shifts ?? 0,
    grade: v.grade || null,
    place: v.place || null,
    note: v.note || null,
    organisation_id:
      actor === 'system'
        ? null
        : (actor.memberships.find((m) => orgs.includes(m.organisationId))?.organisationId ?? null),
    created_by: changerId(actor),
    created_at: ctx.now().toISOString(),
    deleted_at: null,
    idempotency_key: v.idempotencyKey ?? null,
    demo: 0,
    publication: rule,
    publish_after: publishAfter(rule, day, measure.publication_delay_days),
    party_ids: JSON.stringify([...new Set(v.partyIds)]),
    updated_at: null,
    updated_by: null
  };
  try {
    await auditedChange(
      ctx,
      actor,
      {
        organisationId: row.organisation_id,
        action: 'activity.create',
        entity: 'activity',
        entityId: row.id,
        after: { measure: row.measure_key, date: day, count: row.count }
      },
      async (trx) => {
        // A concurrent retry stored the key first: undo (no audit entry) and answer with its row.
        if (!(await insertActivityUnlessKeyStored(trx, row))) throw new KeyAlreadyStored();
      }
    );
  } catch (e) {
    if (!(e instanceof KeyAlreadyStored) || !v.idempotencyKey) throw e;
    const seen = await stored(v.idempotencyKey);
    if (!seen) throw new Error('idempotency key conflict without a stored activity');
    return seen;
  }
  return { activity: presentActivity(row), created: true };
}

/** May the actor change this activity: its own reporter, or an editor of the agreement. */
async function assertMayChange(
  ctx: Ctx,
  actor: Changer,
  row: ActivityTable,
  action: 'edit' | 'restore'
): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  if (actor === 'system') return;
  const orgs = await agreementOrganisationIds(ctx.db, row.agreement_id);
  const editor = can(actor, 'activity.edit', orgs);
  if (editor) return;
  if (action === 'edit' && row.created_by === actor.userId && can(actor, 'activity.log', orgs))
    return;
  throw new ForbiddenError(
    action === 'restore'
      ? 'Bara redaktörer kan återställa borttagna aktiviteter.'
      : 'Du kan bara ändra dina egna aktiviteter.'
  );
}

/**
 * The organisation responsible for an activity (the one that logged it, else the measure's
 * responsible party): only its members change how the activity is published. An editor of the
 * other party may correct a count, not make the police's work public.
 */
async function assertMayPublish(ctx: Ctx, actor: Changer, row: ActivityTable): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  if (actor === 'system') return;
  const responsible =
    row.organisation_id ??
    (await measureResponsibleParty(ctx, row.agreement_id, row.measure_key, row.occurred_on));
  if (responsible && can(actor, 'activity.log', [responsible])) return;
  throw new ForbiddenError(
    'Bara den organisation som ansvarar för aktiviteten kan ändra hur den publiceras.'
  );
}

/** The measure's version in force on a day (the first revision also covers earlier years). */
async function measureOn(ctx: Ctx, agreementId: string, key: string, day: string) {
  const revisions = await listRevisions(ctx.db, agreementId);
  const year = Number(day.slice(0, 4));
  const ordered = [...revisions].reverse();
  for (const r of [...ordered.filter((x) => x.year <= year), ...revisions]) {
    const m = (await loadRevisionContent(ctx.db, r.id)).measures.find((x) => x.measure_key === key);
    if (m) return m;
  }
  return undefined;
}

const measureResponsibleParty = async (ctx: Ctx, agreementId: string, key: string, day: string) =>
  (await measureOn(ctx, agreementId, key, day))?.responsible_party_id ?? null;

const delayDaysOf = async (ctx: Ctx, agreementId: string, key: string, day: string) =>
  (await measureOn(ctx, agreementId, key, day))?.publication_delay_days ?? 0;

export const editInput = logInput
  .pick({
    date: true,
    count: true,
    shifts: true,
    grade: true,
    place: true,
    note: true,
    partyIds: true,
    publication: true
  })
  .partial();

/** Changes an activity; before and after go to the audit trail. */
export async function updateActivity(
  ctx: Ctx,
  actor: Changer,
  id: string,
  input: unknown
): Promise<ActivityView> {
  const row = await findActivity(ctx.db, id);
  if (!row || row.deleted_at) throw new NotFoundError('Aktiviteten finns inte.');
  await assertMayChange(ctx, actor, row, 'edit');
  const r = editInput.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  const v = r.data;
  if (v.date && v.date > stockholmDate(ctx.now()))
    throw new ValidationError([{ field: 'date', message: 'Datumet kan inte vara i framtiden.' }]);
  const patch: Partial<ActivityTable> = {
    ...(v.date ? { occurred_on: v.date } : {}),
    ...(v.count !== undefined ? { count: v.count } : {}),
    ...(v.shifts !== undefined ? { shifts: v.shifts } : {}),
    ...(v.grade !== undefined ? { grade: v.grade || null } : {}),
    ...(v.place !== undefined ? { place: v.place || null } : {}),
    ...(v.note !== undefined ? { note: v.note || null } : {}),
    ...(v.partyIds ? { party_ids: JSON.stringify(v.partyIds) } : {}),
    ...(v.publication ? { publication: v.publication } : {}),
    updated_at: ctx.now().toISOString(),
    updated_by: changerId(actor)
  };
  if (v.publication && v.publication !== row.publication) await assertMayPublish(ctx, actor, row);
  const next = { ...row, ...patch };
  // From the rule, the day and the measure's delay: never from the old publish date.
  next.publish_after = publishAfter(
    next.publication,
    next.occurred_on,
    await delayDaysOf(ctx, row.agreement_id, row.measure_key, next.occurred_on)
  );
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: row.organisation_id,
      action: 'activity.update',
      entity: 'activity',
      entityId: id,
      before: {
        date: row.occurred_on,
        count: row.count,
        shifts: row.shifts,
        publication: row.publication
      },
      after: {
        date: next.occurred_on,
        count: next.count,
        shifts: next.shifts,
        publication: next.publication
      }
    },
    async (trx) => {
      await updateActivityRow(trx, id, { ...patch, publish_after: next.publish_after });
    }
  );
  return presentActivity(next);
}

/** Deletes an activity softly: it stops counting, stays in the audit trail, and an editor can restore it. */
export async function deleteActivity(ctx: Ctx, actor: Changer, id: string): Promise<void> {
  const row = await findActivity(ctx.db, id);
  if (!row || row.deleted_at) throw new NotFoundError('Aktiviteten finns inte.');
  await assertMayChange(ctx, actor, row, 'edit');
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: row.organisation_id,
      action: 'activity.delete',
      entity: 'activity',
      entityId: id,
      before: { date: row.occurred_on, count: row.count }
    },
    async (trx) => {
      await updateActivityRow(trx, id, {
        deleted_at: ctx.now().toISOString(),
        updated_by: changerId(actor)
      });
    }
  );
}

/** Restores a deleted activity (editors only). */
export async function restoreActivity(ctx: Ctx, actor: Changer, id: string): Promise<void> {
  const row = await findActivity(ctx.db, id);
  if (!row || !row.deleted_at)
    throw new NotFoundError('Det finns ingen borttagen aktivitet med det id:t.');
  await assertMayChange(ctx, actor, row, 'restore');
  await auditedChange(
    ctx,
    actor,
    {
      organisationId: row.organisation_id,
      action: 'activity.restore',
      entity: 'activity',
      entityId: id,
      after: { date: row.occurred_on, count: row.count }
    },
    async (trx) => {
      await updateActivityRow(trx, id, {
        deleted_at: null,
        updated_at: ctx.now().toISOString(),
        updated_by: changerId(actor)
      });
    }
  );
}
