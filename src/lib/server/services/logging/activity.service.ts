import type { Target } from '../../../core';
import { publishAfter } from '../../../core/publication';
import { can, changerId, type Changer } from '../../auth/policy';
import type { Ctx } from '../../context';
import { newId } from '../../context';
import {
  findByIdempotencyKey,
  measureForLogging
} from '../../db/repositories/logging/activity.repository';
import type { ActivityTable } from '../../db/schema';
import { writeActivity } from './activity-batch';
import { stockholmDate } from '../../../core/stockholm-date';
import {
  fieldErrorsFromZod,
  ForbiddenError,
  UnauthenticatedError,
  ValidationError
} from '../shared/errors';
import {
  activityRuleProblems,
  logInput,
  presentActivity,
  type ActivityView
} from './activity-shape';

export {
  activityFields,
  activityRuleProblems,
  editInput,
  logInput,
  presentActivity,
  type ActivityView
} from './activity-shape';
export { deleteActivity, restoreActivity, updateActivity } from './activity-edit.service';

// The rule itself is pure and lives in core; kept exported here for the importer and the demo.
export { publishAfter };

/**
 * Logs what was done against a measure. Sending the same idempotency key again returns the
 * activity stored the first time, so an offline queue can retry safely. With `demo` (the demo
 * seed only) the activity is stored with its demo mark and, like the other invented ones, no author.
 */
export async function logActivity(
  ctx: Ctx,
  actor: Changer,
  input: unknown,
  options: { demo?: boolean } = {}
): Promise<{ activity: ActivityView; created: boolean }> {
  if (!actor) throw new UnauthenticatedError();
  const r = logInput.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrorsFromZod(r.error.issues));
  const v = r.data;
  // A demo actor is no account (created_by refers to users), so an invented activity has none.
  const author = options.demo ? null : changerId(actor);
  const stored = async (key: string) => {
    const existing = await findByIdempotencyKey(ctx.db, key);
    if (!existing) return null;
    if (existing.created_by !== author)
      throw new ValidationError([
        { field: 'idempotencyKey', message: 'Nyckeln är redan använd. Skicka en ny.' }
      ]);
    return { activity: presentActivity(existing), created: false };
  };
  if (v.idempotencyKey) {
    const seen = await stored(v.idempotencyKey);
    if (seen) return seen;
  }
  const measure = await measureForLogging(ctx.db, v.measureId);
  if (!measure)
    throw new ValidationError([
      { field: 'measureId', message: 'Åtgärden finns inte. Välj en åtgärd i listan.' }
    ]);
  const orgs = measure.organisationIds;
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
      periodStart: measure.period_start,
      periodEnd: measure.period_end,
      target: JSON.parse(measure.target_json) as Target
    }
  );
  if (problems.length) throw new ValidationError(problems);
  const rule = v.publication ?? measure.publication_rule;
  const row: ActivityTable = {
    id: newId(),
    agreement_id: measure.agreement_id,
    measure_key: measure.measure_key,
    occurred_on: day,
    count: v.count,
    shifts: v.shifts ?? 0,
    duration_minutes: v.durationMinutes ?? null,
    grade: v.grade || null,
    place: v.place || null,
    note: v.note || null,
    organisation_id:
      actor === 'system'
        ? null
        : (actor.memberships.find((m) => orgs.includes(m.organisationId))?.organisationId ?? null),
    created_by: author,
    created_at: ctx.now().toISOString(),
    deleted_at: null,
    idempotency_key: v.idempotencyKey ?? null,
    demo: options.demo ? 1 : 0,
    publication: rule,
    publish_after: publishAfter(rule, day, measure.publication_delay_days),
    party_ids: JSON.stringify([...new Set(v.partyIds)]),
    updated_at: null,
    updated_by: null
  };
  // Written in the next batch of activities with its audit entry (activity-batch.ts).
  const written = await writeActivity(ctx, row, {
    actorId: changerId(actor),
    organisationId: row.organisation_id,
    action: 'activity.create',
    entity: 'activity',
    entityId: row.id,
    after: { measure: row.measure_key, date: day, count: row.count },
    // The row as written: its state is hashed without reading it back.
    state: row
  });
  if (!written) {
    // A concurrent retry stored the key first: answer with its row.
    const seen = v.idempotencyKey ? await stored(v.idempotencyKey) : null;
    if (!seen) throw new Error('idempotency key conflict without a stored activity');
    return seen;
  }
  return { activity: presentActivity(row), created: true };
}
