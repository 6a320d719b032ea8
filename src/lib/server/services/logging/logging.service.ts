import { endOfMonth, startOfMonth, type Target } from '../../../core';

import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { recentMeasureKeys } from '../../db/repositories/logging/activity.repository';
import {
  agreementIdsOfOrganisations,
  findAgreement
} from '../../db/repositories/agreements/agreement.repository';
import {
  listRevisions,
  loadRevisionContent
} from '../../db/repositories/agreements/plan.repository';
import { stockholmDate } from '../../../core/stockholm-date';
import { agreementFollowUp } from '../follow-up/follow-up.service';

/** A measure the reporter can log against today. */
export type LoggableMeasure = {
  id: string;
  key: string;
  title: string;
  group: string;
  agreementId: string;
  agreementTitle: string;
  targetText: string;
  needsShifts: boolean;
  /** The target is in hours or minutes: the form asks for "Tid (timmar)". */
  needsTime: boolean;
  grades: string[] | null;
  recent: boolean;
  own: boolean;
};

/**
 * The measures of the agreements the actor's organisations take part in that are running today,
 * the actor's most recently used first, then those their own organisation answers for.
 */
export async function loggableMeasures(ctx: Ctx, actor: Actor): Promise<LoggableMeasure[]> {
  const today = stockholmDate(ctx.now());
  const orgIds = actor.memberships.map((m) => m.organisationId);
  const agreementIds = await agreementIdsOfOrganisations(ctx.db, orgIds);
  const recent = await recentMeasureKeys(ctx.db, actor.userId, 5);
  const out: LoggableMeasure[] = [];
  for (const id of agreementIds) {
    const a = await findAgreement(ctx.db, id);
    if (!a || a.status === 'draft' || a.period_start > today || a.period_end < today) continue;
    const year = Number(today.slice(0, 4));
    const revision = [...(await listRevisions(ctx.db, id))].reverse().find((r) => r.year <= year);
    if (!revision) continue;
    const content = await loadRevisionContent(ctx.db, revision.id);
    const groups = new Map(content.groups.map((g) => [g.id, g.title]));
    for (const m of content.measures) {
      const target = JSON.parse(m.target_json) as Target;
      out.push({
        id: m.id,
        key: m.measure_key,
        title: m.title,
        group: groups.get(m.group_id) ?? '',
        agreementId: id,
        agreementTitle: a.title,
        targetText: m.target_text,
        needsShifts: target.kind === 'every-shift',
        needsTime: target.kind === 'count' && !!target.sum,
        grades: target.kind === 'count' && target.perUnit ? target.perUnit.values : null,
        recent: recent.includes(m.measure_key),
        // Without a named responsible party (the agreement does not say), taking part makes it one's own.
        own: m.responsible_party_id
          ? orgIds.includes(m.responsible_party_id)
          : content.parties.some((p) => p.measure_id === m.id && orgIds.includes(p.id))
      });
    }
  }
  const rank = (m: LoggableMeasure) => (m.recent ? recent.indexOf(m.key) : m.own ? 10 : 20);
  return out.sort((x, y) => rank(x) - rank(y) || x.title.localeCompare(y.title, 'sv'));
}

/**
 * The measure the logging form starts on: the person's most recent one, else none, so a quick
 * tap on a first visit never logs an arbitrary measure.
 */
export const preselectedMeasure = (measures: LoggableMeasure[]): string =>
  measures.find((m) => m.recent)?.id ?? '';

/** How a measure stands this month and this year, for the confirmation after logging. */
export async function measureStanding(ctx: Ctx, agreementId: string, key: string) {
  const today = stockholmDate(ctx.now());
  // Whole calendar periods, so the target is pro-rated over the month and the year, not over the days so far.
  const month = await agreementFollowUp(
    ctx,
    agreementId,
    { period: 'month', from: startOfMonth(today), to: endOfMonth(today) },
    { includeInternal: true }
  );
  const year = await agreementFollowUp(
    ctx,
    agreementId,
    { period: 'year', from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` },
    { includeInternal: true }
  );
  const m = month.measures.find((x) => x.key === key);
  const y = year.measures.find((x) => x.key === key);
  return {
    title: m?.title ?? '',
    targetDescription: m?.targetDescription ?? '',
    month: m?.periods.at(-1) ?? null,
    year: y?.periods.at(-1) ?? null
  };
}
