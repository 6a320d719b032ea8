import { z } from 'zod';
import { describeTarget, periods, type PeriodResult, type Target } from '../../../core';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { organisationNames } from '../../db/repositories/accounts/organisation.repository';
import {
  listRevisions,
  loadRevisionContent
} from '../../db/repositories/agreements/plan.repository';
import { listActivities } from '../logging/activity-list.service';
import { getAgreementForActor } from '../agreements/agreement-view.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { fourYears, referenceDay } from './dashboard.service';
import { NotFoundError } from '../shared/errors';
import { agreementFollowUp } from './follow-up.service';
import { displayName } from '../accounts/organisation.service';

/** A measure in one yearly plan: its target then, and what changed from the year before and why. */
export type TargetRevision = {
  year: number;
  title: string;
  targetText: string;
  targetDescription: string;
  /** first: in the first plan; added/changed/removed in this year's plan; same: unchanged. */
  change: 'first' | 'added' | 'changed' | 'same' | 'removed';
  reason: string | null;
  demo: boolean;
};

type Revisions = Awaited<ReturnType<typeof listRevisions>>;

/** The measure's target in every yearly plan, with the reasons for changes (from the plan revisions). */
async function targetHistory(
  ctx: Ctx,
  revisions: Revisions,
  key: string,
  includeInternal: boolean,
  lang: 'sv' | 'en'
) {
  const contents = await Promise.all(revisions.map((r) => loadRevisionContent(ctx.db, r.id)));
  const history: TargetRevision[] = [];
  let latest: (typeof contents)[number]['measures'][number] | undefined;
  let partyNames: string[] = [];
  revisions.forEach((r, i) => {
    const content = contents[i]!;
    const m = content.measures.find((x) => x.measure_key === key);
    // An internal measure is simply not in the plan as outsiders see it (not "removed").
    if (m && !includeInternal && m.visibility !== 'public') return;
    const before = history.at(-1);
    const present = before && before.change !== 'removed';
    const demo = r.demo === 1;
    if (!m) {
      if (!present) return;
      const removed = (JSON.parse(r.removed_json) as { key: string; reason: string }[]).find(
        (x) => x.key === key
      );
      history.push({
        ...before,
        year: r.year,
        change: 'removed',
        reason: removed?.reason ?? null,
        demo
      });
      return;
    }
    const target = JSON.parse(m.target_json) as Target;
    const changed = present && (before.targetText !== m.target_text || before.title !== m.title);
    history.push({
      year: r.year,
      title: m.title,
      targetText: m.target_text,
      targetDescription: describeTarget(target, lang),
      change: i === 0 ? 'first' : !present ? 'added' : changed ? 'changed' : 'same',
      // Starting a year's plan clears the reasons, so a reason here belongs to this year's edit.
      reason: m.change_reason,
      demo
    });
    latest = m;
    partyNames = content.parties.filter((p) => p.measure_id === m.id).map(displayName);
  });
  return { history, latest, partyNames };
}

const historyQuery = z.object({
  sida: z.coerce.number().int().min(1).max(100_000).catch(1).default(1)
});

/**
 * One measure of an agreement, by its stable key: its target over the yearly plans, its
 * follow-up per month (the last four years) and per year, and its activities, 25 a page, newest first.
 */
export async function measureHistory(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  key: string,
  query: unknown = {},
  options: { lang?: 'sv' | 'en' } = {}
) {
  const { sida } = historyQuery.parse(query);
  const { view, editable } = await getAgreementForActor(ctx, actor, agreementId);
  const revisions = await listRevisions(ctx.db, agreementId);
  const { history, latest, partyNames } = await targetHistory(
    ctx,
    revisions,
    key,
    editable,
    options.lang ?? 'sv'
  );
  if (!latest) throw new NotFoundError('Åtgärden finns inte i överenskommelsen.');

  const reference = referenceDay(view.period, stockholmDate(ctx.now()));
  const span = fourYears(view.period, reference);
  const opts = { includeInternal: editable, lang: options.lang };
  const [monthly, yearly, activities] = await Promise.all([
    agreementFollowUp(ctx, agreementId, { period: 'month', from: span.start, to: span.end }, opts),
    agreementFollowUp(ctx, agreementId, { period: 'year' }, opts),
    listActivities(ctx, actor, { agreementId, measureKey: key, page: sida, pageSize: 25 })
  ]);
  const month = monthly.measures.find((m) => m.key === key);
  const year = yearly.measures.find((m) => m.key === key);
  const starts = new Map((month?.periods ?? []).map((p) => [p.start, p]));
  const responsible = latest.responsible_party_id;
  return {
    agreement: { id: view.id, title: view.title, period: view.period },
    editable,
    measure: {
      key,
      title: latest.title,
      description: latest.description,
      targetDescription: year?.targetDescription ?? history.at(-1)?.targetDescription ?? '',
      group: year?.group ?? month?.group ?? '',
      responsibleParty: responsible
        ? ((await organisationNames(ctx.db, [responsible])).map(displayName)[0] ?? null)
        : null,
      parties: partyNames,
      /** Removed from the latest plan: shown for its history. */
      removed: history.at(-1)?.change === 'removed'
    },
    history,
    today: monthly.today,
    reference,
    span,
    demo: monthly.demo,
    months: periods(span, 'month').map((p) => ({
      month: p.start.slice(0, 7),
      result: (starts.get(p.start) ?? null) satisfies PeriodResult | null
    })),
    years: year?.periods ?? [],
    fulfilment: year?.fulfilment ?? { met: 0, judged: 0, share: null },
    activities
  };
}

/** The measure page as pages show it. */
export type MeasureHistory = Awaited<ReturnType<typeof measureHistory>>;
