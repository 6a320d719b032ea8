import { can, changerId, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findActivity, updateActivityRow } from '../../db/repositories/logging/activity.repository';
import { agreementOrganisationIds } from '../../db/repositories/agreements/agreement.repository';
import {
  listRevisions,
  loadRevisionContent
} from '../../db/repositories/agreements/plan.repository';
import type { ActivityTable } from '../../db/schema';
import { publishAfter } from '../../../core/publication';
import { stockholmDate } from '../../../core/stockholm-date';
import { auditedChange } from '../shared/audit.service';
import {
  fieldErrorsFromZod,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError
} from '../shared/errors';
import { editInput, presentActivity, type ActivityView } from './activity-shape';

/** Changing, deleting and restoring activities (logging a new one is in activity.service.ts). */

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
  // The agreement names no responsible party: the parties taking part answer for it together.
  if (
    !responsible &&
    can(
      actor,
      'activity.log',
      await measurePartyIds(ctx, row.agreement_id, row.measure_key, row.occurred_on)
    )
  )
    return;
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

/** The organisations taking part in the measure's version in force on a day. */
async function measurePartyIds(ctx: Ctx, agreementId: string, key: string, day: string) {
  const revisions = await listRevisions(ctx.db, agreementId);
  const year = Number(day.slice(0, 4));
  const ordered = [...revisions].reverse();
  for (const r of [...ordered.filter((x) => x.year <= year), ...revisions]) {
    const content = await loadRevisionContent(ctx.db, r.id);
    const m = content.measures.find((x) => x.measure_key === key);
    if (m) return content.parties.filter((p) => p.measure_id === m.id).map((p) => p.id);
  }
  return [];
}

const delayDaysOf = async (ctx: Ctx, agreementId: string, key: string, day: string) =>
  (await measureOn(ctx, agreementId, key, day))?.publication_delay_days ?? 0;

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
    ...(v.durationMinutes !== undefined ? { duration_minutes: v.durationMinutes } : {}),
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
        durationMinutes: row.duration_minutes ?? null,
        publication: row.publication
      },
      after: {
        date: next.occurred_on,
        count: next.count,
        shifts: next.shifts,
        durationMinutes: next.duration_minutes ?? null,
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
