/**
 * Roll-ups at national scale (issue 15): a police area's, a region's and the nation's overview of
 * a year, with status per agreement, per measure kind (target kind) and per focus area.
 *
 * Each agreement's figures are its public follow-up (`agreementFollowUp`, period year), stored per
 * measure in the roll-up tables (migration 0022); the overviews are GROUP BYs over those few
 * thousand rows, never over the activities. The stored rows follow the data: before answering, the
 * agreements the audit trail names since the last computation (an activity, a measure, a focus
 * area, an agreement, a municipality's risk occasions or school calendar) are computed again, and
 * on a new day every agreement is (statuses depend on the day). So the figures always equal the
 * per-agreement follow-up.
 */
import { z } from 'zod';
import { stockholmDate } from '../../../core/stockholm-date';
import type { Ctx } from '../../context';
import { searchOrganisations } from '../../db/repositories/accounts/organisation.repository';
import {
  agreementsInYear,
  agreementsOfActivities,
  agreementsOfFocusAreas,
  agreementsOfMeasures,
  agreementsOfMunicipalities,
  auditEntitiesAfter,
  existingAgreementIds,
  focusAreaTitles,
  pruneRollups,
  replaceAgreementRollup,
  rollupAgreementRows,
  rollupByFocus,
  rollupByKind,
  rollupByPoliceArea,
  rollupState,
  saveRollupState
} from '../../db/repositories/follow-up/national-rollup.repository';
import { auditHead } from '../../db/repositories/shared/audit.repository';
import { fieldErrorsFromZod, NotFoundError, ValidationError } from '../shared/errors';
import { agreementFollowUp } from './follow-up.service';

/** Kept and judged periods, and the share kept (null when nothing was judged yet). */
export type Tally = { met: number; judged: number; share: number | null };

const BEHIND = new Set(['behind', 'missed', 'quiet']);
/** More audit entries than this since the last computation: compute every agreement again. */
const INCREMENTAL_LIMIT = 5000;

const tally = (met: number, judged: number): Tally => ({
  met,
  judged,
  share: judged === 0 ? null : met / judged
});

/** One agreement's year as the roll-up stores it: straight from its public follow-up. */
export async function agreementYearFigures(ctx: Ctx, agreementId: string, year: number) {
  const f = await agreementFollowUp(ctx, agreementId, {
    period: 'year',
    from: `${year}-01-01`,
    to: `${year}-12-31`
  });
  const titles = new Map((await focusAreaTitles(ctx.db, agreementId)).map((t) => [t.id, t.title]));
  const measures = f.measures.map((m) => ({
    key: m.key,
    kind: m.target.kind,
    met: m.fulfilment.met,
    judged: m.fulfilment.judged,
    behind: BEHIND.has(m.periods.at(-1)?.status ?? '') ? 1 : 0,
    focusAreas: [
      ...new Set(m.focusAreaIds.map((id) => titles.get(id)).filter((t): t is string => !!t))
    ]
  }));
  return {
    total: f.fulfilment.total,
    byFocusArea: Object.fromEntries(
      Object.entries(f.fulfilment.byFocusArea).map(([id, t]) => [titles.get(id) ?? id, t])
    ),
    demo: f.demo,
    measures
  };
}

async function computeAgreement(ctx: Ctx, agreementId: string, year: number, today: string) {
  const fig = await agreementYearFigures(ctx, agreementId, year);
  await replaceAgreementRollup(
    ctx.db,
    agreementId,
    year,
    {
      agreement_id: agreementId,
      year,
      met: fig.total.met,
      judged: fig.total.judged,
      behind: fig.measures.reduce((n, m) => n + m.behind, 0),
      measures: fig.measures.length,
      demo: fig.demo ? 1 : 0,
      as_of: today,
      computed_at: ctx.now().toISOString()
    },
    fig.measures.map((m) => ({
      agreement_id: agreementId,
      year,
      measure_key: m.key,
      target_kind: m.kind,
      met: m.met,
      judged: m.judged,
      behind: m.behind
    })),
    fig.measures.flatMap((m) =>
      m.focusAreas.map((focus_area) => ({
        agreement_id: agreementId,
        year,
        measure_key: m.key,
        focus_area
      }))
    )
  );
}

/**
 * Computes the stored roll-up of a year again: every agreement, or only `agreementIds`. Returns
 * how many agreements were computed and how long it took.
 */
export async function refreshRollups(
  ctx: Ctx,
  options: {
    year?: number;
    agreementIds?: string[];
    progress?: (phase: string, done: number, total: number) => void;
  } = {}
): Promise<{ agreements: number; ms: number }> {
  const started = performance.now();
  const today = stockholmDate(ctx.now());
  const year = options.year ?? Number(today.slice(0, 4));
  const seq = (await auditHead(ctx.db))?.seq ?? 0;
  const inYear = (await agreementsInYear(ctx.db, year)).map((a) => a.id);
  const inYearSet = new Set(inYear);
  const targets = options.agreementIds
    ? options.agreementIds.filter((id) => inYearSet.has(id))
    : inYear;
  // A few agreements at a time: one agreement's queries wait for the database, another's
  // arithmetic runs meanwhile (PostgreSQL's pool has room; SQLite answers in turn).
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < targets.length) {
      const id = targets[next++]!;
      await computeAgreement(ctx, id, year, today);
      options.progress?.('sammanställningar', ++done, targets.length);
    }
  };
  await Promise.all(Array.from({ length: ctx.dbKind === 'postgresql' ? 4 : 1 }, worker));
  if (options.agreementIds) {
    // Named agreements that left the year (a draft again, removed) leave the roll-up.
    for (const id of options.agreementIds)
      if (!inYearSet.has(id)) await replaceAgreementRollup(ctx.db, id, year, null, [], []);
  } else {
    await pruneRollups(ctx.db, year, inYear);
    await saveRollupState(ctx.db, {
      year,
      seq,
      as_of: today,
      computed_at: ctx.now().toISOString()
    });
  }
  return { agreements: targets.length, ms: performance.now() - started };
}

/** The agreements the audit trail names after `seq`, or null when there are too many to tell. */
async function changedAgreements(ctx: Ctx, seq: number): Promise<string[] | null> {
  const entries = await auditEntitiesAfter(ctx.db, seq, INCREMENTAL_LIMIT + 1);
  if (entries.length > INCREMENTAL_LIMIT) return null;
  const ids = [...new Set(entries.map((e) => e.entity_id))];
  const municipalities = [
    ...new Set(ids.filter((id) => id.includes('/')).map((id) => id.split('/')[0]!))
  ];
  const found = await Promise.all([
    existingAgreementIds(ctx.db, ids),
    agreementsOfActivities(ctx.db, ids),
    agreementsOfMeasures(ctx.db, ids),
    agreementsOfFocusAreas(ctx.db, ids),
    agreementsOfMunicipalities(ctx.db, municipalities)
  ]);
  return [...new Set(found.flat())];
}

// One refresh per database and year at a time in this process; another server's concurrent
// refresh writes the same rows.
const runningByDb = new WeakMap<object, Map<number, Promise<void>>>();

/** Brings the stored roll-up of a year up to date with the audit trail and today. */
export async function ensureFreshRollups(ctx: Ctx, year: number): Promise<void> {
  const running = runningByDb.get(ctx.db) ?? new Map<number, Promise<void>>();
  runningByDb.set(ctx.db, running);
  const busy = running.get(year);
  if (busy) return busy;
  const job = (async () => {
    const today = stockholmDate(ctx.now());
    const state = await rollupState(ctx.db, year);
    const seq = (await auditHead(ctx.db))?.seq ?? 0;
    // A year that had ended when it was computed does not change with the date, only with the
    // audited changes below; a running year is computed again each new day.
    const closedWhenComputed = state !== undefined && state.as_of > `${year}-12-31`;
    if (!state || (state.as_of !== today && !closedWhenComputed)) {
      await refreshRollups(ctx, { year });
      return;
    }
    if (seq === Number(state.seq)) return;
    const changed = await changedAgreements(ctx, Number(state.seq));
    if (changed === null) await refreshRollups(ctx, { year });
    else {
      await refreshRollups(ctx, { year, agreementIds: changed });
      await saveRollupState(ctx.db, {
        year,
        seq,
        as_of: today,
        computed_at: ctx.now().toISOString()
      });
    }
  })().finally(() => running.delete(year));
  running.set(year, job);
  return job;
}

/** What an overview covers: the nation, a police region, or a police area (with those below it). */
export type RollupScope = { kind: 'nation' } | { kind: 'area'; id: string };

export const rollupQuery = z.object({
  year: z.coerce
    .number({ message: 'Året ska vara ett årtal, till exempel 2026.' })
    .int({ message: 'Året ska vara ett årtal, till exempel 2026.' })
    .min(2000, { message: 'Året ska vara 2000 eller senare.' })
    .max(2100, { message: 'Året ska vara 2100 eller tidigare.' })
    .optional()
});

/** One row of an overview table: a region, an area or an agreement with its kept share. */
export type OverviewRow = {
  id: string;
  name: string;
  agreements: number;
  measures: number;
  behind: number;
  demo: boolean;
  year: Tally;
};

/**
 * The overview of a year for the nation, a police region or a police area: totals, per measure
 * kind, per focus area, the areas below (regions for the nation) and, below the nation, every
 * agreement. Reads only the stored roll-up (GROUP BYs), after bringing it up to date.
 */
export async function nationalOverview(ctx: Ctx, scope: RollupScope, query: unknown = {}) {
  const parsed = rollupQuery.safeParse(query);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const today = stockholmDate(ctx.now());
  const year = parsed.data.year ?? Number(today.slice(0, 4));
  const areas = await searchOrganisations(ctx.db, 'police_area', '', 2000, 0);
  const byId = new Map(areas.map((a) => [a.id, a]));
  const scopeArea = scope.kind === 'area' ? byId.get(scope.id) : undefined;
  if (scope.kind === 'area' && !scopeArea) throw new NotFoundError('Polisområdet finns inte.');

  await ensureFreshRollups(ctx, year);

  // The areas below each area (regions → districts → local areas): a few dozen rows.
  const children = new Map<string, string[]>();
  for (const a of areas)
    if (a.parent_id) children.set(a.parent_id, [...(children.get(a.parent_id) ?? []), a.id]);
  const below = (id: string): string[] => [id, ...(children.get(id) ?? []).flatMap(below)];
  const areaIds = scopeArea ? below(scopeArea.id) : undefined;

  const [kinds, focus, perArea, rows, state] = await Promise.all([
    rollupByKind(ctx.db, year, areaIds),
    rollupByFocus(ctx.db, year, areaIds),
    rollupByPoliceArea(ctx.db, year),
    scopeArea ? rollupAgreementRows(ctx.db, year, areaIds) : Promise.resolve([]),
    rollupState(ctx.db, year)
  ]);
  const areaTotals = new Map(perArea.map((r) => [r.police_area_id ?? '', r]));
  const sumOver = (ids: string[]) => {
    const acc = { agreements: 0, measures: 0, behind: 0, met: 0, judged: 0, demo: false };
    for (const id of ids) {
      const r = areaTotals.get(id);
      if (!r) continue;
      acc.agreements += Number(r.agreements);
      acc.measures += Number(r.measures);
      acc.behind += Number(r.behind);
      acc.met += Number(r.met);
      acc.judged += Number(r.judged);
      acc.demo ||= Number(r.demo) === 1;
    }
    return acc;
  };
  const row = (id: string, name: string, ids: string[]): OverviewRow => {
    const s = sumOver(ids);
    return { id, name, ...s, year: tally(s.met, s.judged) };
  };
  // The nation lists regions; an area lists the areas directly below it that have agreements.
  const childIds = scopeArea
    ? (children.get(scopeArea.id) ?? [])
    : areas.filter((a) => a.level === 'polisregion').map((a) => a.id);
  const childRows = childIds
    .map((id) => row(id, byId.get(id)!.name, below(id)))
    .filter((r) => r.agreements > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const allIds = areaIds ?? [...areaTotals.keys()];
  const total = row(scopeArea?.id ?? 'sverige', scopeArea?.name ?? 'Sverige', allIds);
  const kindRows = kinds
    .map((k) => ({
      kind: k.target_kind,
      measures: Number(k.measures),
      behind: Number(k.behind),
      year: tally(Number(k.met), Number(k.judged))
    }))
    .sort((a, b) => b.measures - a.measures);
  const focusRows = focus
    .map((f) => ({
      focusArea: f.focus_area,
      measures: Number(f.measures),
      behind: Number(f.behind),
      year: tally(Number(f.met), Number(f.judged))
    }))
    .sort((a, b) => a.focusArea.localeCompare(b.focusArea, 'sv'));
  return {
    scope: scopeArea
      ? {
          kind: 'area' as const,
          id: scopeArea.id,
          name: scopeArea.name,
          level: scopeArea.level,
          parent: scopeArea.parent_id
            ? { id: scopeArea.parent_id, name: byId.get(scopeArea.parent_id)?.name ?? '' }
            : null
        }
      : { kind: 'nation' as const, id: 'sverige', name: 'Sverige', level: null, parent: null },
    year,
    asOf: state?.as_of ?? today,
    computedAt: state?.computed_at ?? null,
    total,
    byKind: kindRows,
    byFocusArea: focusRows,
    children: childRows,
    agreements: rows.map(
      (r): OverviewRow & { policeArea: string; period: { start: string; end: string } } => ({
        id: r.id,
        name: r.title,
        agreements: 1,
        measures: Number(r.measures),
        behind: Number(r.behind),
        demo: Number(r.demo) === 1,
        year: tally(Number(r.met), Number(r.judged)),
        policeArea: byId.get(r.police_area_id ?? '')?.name ?? '',
        period: { start: r.period_start, end: r.period_end }
      })
    )
  };
}
