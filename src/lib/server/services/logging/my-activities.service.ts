import { addDays } from '../../../core';
import { hasRoleInAny, type Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { agreementIdsOfOrganisations } from '../../db/repositories/agreements/agreement.repository';
import { listActivityRows } from '../../db/repositories/logging/activity.repository';
import { stockholmDate } from '../../../core/stockholm-date';
import { presentActivity, type ActivityView } from './activity.service';
import { loggableMeasures } from './logging.service';

/** How far back a person sees their activities to correct or undo them in the browser. */
export const CORRECTION_DAYS = 30;
const MAX_ITEMS = 200;

export type CorrectableActivity = ActivityView & {
  title: string;
  mine: boolean;
  /** The measure's target is in hours: the correction form asks for "Tid (timmar)". */
  needsTime: boolean;
};

/**
 * The activities of the last 30 days the actor may correct or undo in the browser, newest
 * first: a reporter's own; an editor also those their organisation logged. Changing and
 * undoing go through updateActivity and deleteActivity, which check the same rights again
 * and write the audit trail.
 */
export async function correctableActivities(
  ctx: Ctx,
  actor: Actor
): Promise<{ items: CorrectableActivity[]; from: string; more: boolean }> {
  const today = stockholmDate(ctx.now());
  const from = addDays(today, -CORRECTION_DAYS);
  const editorOf = actor.memberships
    .map((m) => m.organisationId)
    .filter((id) => hasRoleInAny(actor, [id], 'editor'));
  const agreementIds = await agreementIdsOfOrganisations(
    ctx.db,
    actor.memberships.map((m) => m.organisationId)
  );
  const { rows } = await listActivityRows(
    ctx.db,
    {
      agreementIds,
      from,
      to: today,
      ...(editorOf.length ? {} : { createdBy: actor.userId })
    },
    editorOf.length ? 1000 : MAX_ITEMS + 1,
    0
  );
  const allowed = rows.filter(
    (r) =>
      r.created_by === actor.userId || (!!r.organisation_id && editorOf.includes(r.organisation_id))
  );
  const measures = await loggableMeasures(ctx, actor);
  const titles = new Map(measures.map((m) => [m.key, m.title]));
  const timed = new Set(measures.filter((m) => m.needsTime).map((m) => m.key));
  return {
    items: allowed.slice(0, MAX_ITEMS).map((r) => ({
      ...presentActivity(r),
      title: titles.get(r.measure_key) ?? r.measure_key,
      mine: r.created_by === actor.userId,
      needsTime: timed.has(r.measure_key)
    })),
    from,
    more: allowed.length > MAX_ITEMS
  };
}
