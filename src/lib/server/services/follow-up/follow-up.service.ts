import { z } from 'zod';
import { isoDate } from '../shared/validation';
import {
  addDays,
  defaultRiskOccasions,
  minDate,
  startOfMonth,
  isIsoDate,
  describeTarget,
  followUp,
  fulfilment,
  PERIOD_KINDS,
  type DailyTally,
  type PeriodResult,
  type PlanPiece,
  type RiskOccasion,
  type Target
} from '../../../core';
import type { SchoolCalendar } from '../../../core/school-calendar';
import type { Ctx } from '../../context';
import { schoolCalendarFor } from '../agreements/school-calendar.service';
import {
  agreementMunicipalityIds,
  findAgreement
} from '../../db/repositories/agreements/agreement.repository';
import { dailyTallies, hasDemoActivities } from '../../db/repositories/logging/activity.repository';
import {
  listRevisions,
  loadRevisionContent,
  loadRevisionContents,
  targetChangesOf
} from '../../db/repositories/agreements/plan.repository';
import { riskOccasionsOf } from '../../db/repositories/agreements/risk-occasion.repository';
import { stockholmDate } from '../../../core/stockholm-date';
import { fieldErrorsFromZod, NotFoundError, ValidationError } from '../shared/errors';

/** One measure's follow-up: its periods with expected, done and status. */
export type MeasureFollowUp = {
  measureId: string;
  key: string;
  title: string;
  group: string;
  target: Target;
  targetDescription: string;
  responsiblePartyId: string | null;
  partyIds: string[];
  focusAreaIds: string[];
  periods: PeriodResult[];
  fulfilment: { met: number; judged: number; share: number | null };
};

const date = isoDate();
export const followUpQuery = z.object({
  from: date.optional(),
  to: date.optional(),
  period: z
    .enum(PERIOD_KINDS, { message: 'period ska vara month, tertial, year eller agreement.' })
    .default('month'),
  asOf: date.optional()
});

/** A plan version and the days it governs. */
type Version = { start: string; end: string; revisionId: string };

/**
 * The days each plan version governs: from the day it takes effect (its `effective_from`, else 1
 * January of its year; the first version from the agreement's start) to the day before the next
 * one takes effect (the last one to the agreement's end).
 */
export function versionSpans(
  revisions: readonly { id: string; year: number; effective_from?: string | null }[],
  agreement: { start: string; end: string }
): Version[] {
  const starts = revisions.map((r, i) =>
    i === 0 ? agreement.start : (r.effective_from ?? `${r.year}-01-01`)
  );
  return revisions
    .map((r, i) => ({
      start: starts[i]! < agreement.start ? agreement.start : starts[i]!,
      end: i + 1 < revisions.length ? addDays(starts[i + 1]!, -1) : agreement.end,
      revisionId: r.id
    }))
    .map((v) => ({ ...v, end: v.end > agreement.end ? agreement.end : v.end }))
    .filter((v) => v.start <= v.end);
}

/**
 * A measure row's stretches of plan: its version's days within its own start and end, split where
 * its target was changed while the version governed (the earlier target through `until_on`).
 */
function measurePieces(
  version: Version,
  m: { starts_on: string | null; ends_on: string | null; target_json: string },
  changes: readonly { until_on: string; target_json: string }[]
): PlanPiece[] {
  const start = m.starts_on && m.starts_on > version.start ? m.starts_on : version.start;
  const end = m.ends_on && m.ends_on < version.end ? m.ends_on : version.end;
  if (start > end) return [];
  const out: PlanPiece[] = [];
  let from = start;
  const span = { start: version.start, end: version.end };
  for (const c of changes) {
    if (c.until_on < from) continue;
    const until = c.until_on < end ? c.until_on : end;
    out.push({
      start: from,
      end: until,
      target: JSON.parse(c.target_json) as Target,
      version: span
    });
    from = addDays(until, 1);
    if (from > end) return out;
  }
  out.push({ start: from, end, target: JSON.parse(m.target_json) as Target, version: span });
  return out;
}

/**
 * The follow-up of an agreement: per measure, per period, expected and done counts and a status,
 * computed from day tallies aggregated in SQL. Internal measures are included only when asked.
 */
export async function agreementFollowUp(
  ctx: Ctx,
  agreementId: string,
  query: unknown,
  options: { includeInternal?: boolean; lang?: 'sv' | 'en' } = {}
) {
  const parsed = followUpQuery.safeParse(query);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error.issues));
  const q = parsed.data;
  const agreement = await findAgreement(ctx.db, agreementId);
  if (!agreement) throw new NotFoundError('Överenskommelsen finns inte.');
  const today = q.asOf ?? stockholmDate(ctx.now());
  const period = `${agreement.period_start} – ${agreement.period_end}`;
  // Name the field that is wrong: a start after the period is the start's fault, not the end's.
  if (q.from && q.from > agreement.period_end)
    throw new ValidationError([
      { field: 'from', message: `Startdatumet ligger efter avtalsperioden ${period}.` }
    ]);
  if (q.to && q.to < agreement.period_start)
    throw new ValidationError([
      { field: 'to', message: `Slutdatumet ligger före avtalsperioden ${period}.` }
    ]);
  if (q.from && q.to && q.from > q.to)
    throw new ValidationError([
      { field: 'to', message: 'Slutdatumet kan inte ligga före startdatumet.' }
    ]);
  const span = {
    start: q.from && q.from > agreement.period_start ? q.from : agreement.period_start,
    end: q.to && q.to < agreement.period_end ? q.to : agreement.period_end
  };
  if (span.start > span.end)
    throw new ValidationError([
      { field: 'to', message: 'Slutdatum måste vara efter startdatum och inom avtalsperioden.' }
    ]);

  // Every measure is evaluated on its whole timeline in the agreement, across years and plan
  // versions; the range asked for only selects periods from that one answer (window invariance).
  const whole = { start: agreement.period_start, end: agreement.period_end };
  const fromYear = Number(whole.start.slice(0, 4));
  const toYear = Number(whole.end.slice(0, 4));
  // The day tallies are the slowest query; the plan, the calendars and the rest are read while
  // it runs (on PostgreSQL on the pool's other connections), so the call waits for the tallies,
  // not for their sum.
  const [tallies, { versions, changes, demo, contents, riskOccasions, schoolCalendar }] =
    await Promise.all([
      // The public sees only activities the publication rules have released by the real today
      // (never by `asOf`, which only moves the judging day).
      dailyTallies(
        ctx.db,
        agreementId,
        whole.start,
        whole.end,
        undefined,
        options.includeInternal ? undefined : stockholmDate(ctx.now())
      ),
      (async () => {
        const [revisions, changes, municipalityIds, demo] = await Promise.all([
          listRevisions(ctx.db, agreementId),
          targetChangesOf(ctx.db, agreementId),
          agreementMunicipalityIds(ctx.db, agreementId),
          // Demo activities are invented: whoever shows this follow-up must say so.
          hasDemoActivities(ctx.db, agreementId)
        ]);
        const versions = versionSpans(revisions, whole);
        const [contents, riskOccasions, schoolCalendar] = await Promise.all([
          loadRevisionContents(
            ctx.db,
            versions.map((v) => v.revisionId)
          ),
          occasionsFor(ctx, municipalityIds, fromYear, toYear),
          schoolCalendarOf(ctx, municipalityIds, whole)
        ]);
        return { versions, changes, demo, contents, riskOccasions, schoolCalendar };
      })()
    ]);

  // The tallies come measure by measure: a new list starts where the measure changes.
  const byKey = new Map<string, DailyTally[]>();
  let measureKey: string | null = null;
  let into: DailyTally[] = [];
  for (const t of tallies) {
    if (t.measureKey !== measureKey) {
      measureKey = t.measureKey;
      into = byKey.get(measureKey) ?? [];
      byKey.set(measureKey, into);
    }
    into.push(t);
  }
  const changesOf = new Map<string, typeof changes>();
  for (const c of changes) changesOf.set(c.measure_id, [...(changesOf.get(c.measure_id) ?? []), c]);

  type Row = Awaited<ReturnType<typeof loadRevisionContent>>['measures'][number];
  type Stretch = {
    row: Row;
    content: Awaited<ReturnType<typeof loadRevisionContent>>;
    pieces: PlanPiece[];
  };
  const stretches = new Map<string, Stretch[]>();
  for (const [i, version] of versions.entries()) {
    const content = contents[i]!;
    for (const m of content.measures) {
      if (!options.includeInternal && m.visibility !== 'public') continue;
      const own = changesOf.get(m.id) ?? [];
      const pieces = measurePieces(version, m, own);
      if (pieces.length === 0) continue;
      stretches.set(m.measure_key, [
        ...(stretches.get(m.measure_key) ?? []),
        { row: m, content, pieces }
      ]);
    }
  }

  const measures = new Map<string, MeasureFollowUp>();
  for (const [key, list] of stretches) {
    const plan = list.flatMap((s) => s.pieces);
    const timeline = { start: plan[0]!.start, end: plan[plan.length - 1]!.end };
    // The latest stretch that touches the range asked for names the measure.
    const touching = list.filter((s) =>
      s.pieces.some((p) => p.start <= span.end && p.end >= span.start)
    );
    if (touching.length === 0) continue;
    const { row: m, content } = touching[touching.length - 1]!;
    const target = JSON.parse(m.target_json) as Target;
    const judgedTo = options.includeInternal
      ? today
      : minDate(today, publicJudgingDay(m, stockholmDate(ctx.now())));
    const results = followUp({
      target,
      plan,
      tallies: byKey.get(key) ?? [],
      today: judgedTo,
      span: timeline,
      period: q.period,
      riskOccasions,
      schoolCalendar
    })
      .filter((r) => r.end >= span.start && r.start <= span.end)
      .map((r) => {
        // Say so where the public sees a period only partly: the rest is published later.
        const through = m.publication_rule === 'monthly' ? addDays(judgedTo, -1) : judgedTo;
        return judgedTo < today && r.end > through && r.start <= today
          ? { ...r, publishedThrough: through }
          : r;
      });
    const groups = new Map(content.groups.map((g) => [g.id, g.title]));
    measures.set(key, {
      measureId: m.id,
      key,
      title: m.title,
      group: groups.get(m.group_id) ?? '',
      target,
      targetDescription: describeTarget(target, options.lang ?? 'sv'),
      responsiblePartyId: m.responsible_party_id,
      partyIds: content.parties.filter((p) => p.measure_id === m.id).map((p) => p.id),
      focusAreaIds: content.focusAreas
        .filter((f) => f.measure_id === m.id)
        .map((f) => f.focus_area_id),
      periods: results,
      fulfilment: { met: 0, judged: 0, share: null }
    });
  }
  const list = [...measures.values()].map((m) => ({ ...m, fulfilment: fulfilment(m.periods) }));
  return {
    agreementId,
    today,
    span,
    period: q.period,
    demo,
    measures: list,
    fulfilment: summarise(list)
  };
}

/** Fulfilment over all measures, per focus area and per responsible party. */
function summarise(list: MeasureFollowUp[]) {
  const group = (keyOf: (m: MeasureFollowUp) => string[]) => {
    const map = new Map<string, PeriodResult[]>();
    for (const m of list)
      for (const k of keyOf(m)) {
        const into = map.get(k);
        if (into) into.push(...m.periods);
        else map.set(k, [...m.periods]);
      }
    return Object.fromEntries([...map].map(([k, v]) => [k, fulfilment(v)]));
  };
  return {
    total: fulfilment(list.flatMap((m) => m.periods)),
    byFocusArea: group((m) => m.focusAreaIds),
    byResponsibleParty: group((m) => (m.responsiblePartyId ? [m.responsiblePartyId] : []))
  };
}

/**
 * The school calendar for the agreement's years: the first named municipality's (county defaults
 * corrected by its editors). An agreement of several municipalities follows the first one's
 * calendar; sportlov differs by county, and such agreements are rare.
 */
async function schoolCalendarOf(
  ctx: Ctx,
  municipalityIds: string[],
  range: { start: string; end: string }
): Promise<SchoolCalendar> {
  const [first] = municipalityIds;
  if (!first) return { entries: [] };
  return schoolCalendarFor(ctx, first, range.start, range.end);
}

/** Risk occasions per year: the defaults, moved or added to by the municipality's own dates. */
async function occasionsFor(
  ctx: Ctx,
  municipalityIds: string[],
  fromYear: number,
  toYear: number
): Promise<RiskOccasion[]> {
  const own = (await riskOccasionsOf(ctx.db, municipalityIds, fromYear, toYear)).filter((o) =>
    isIsoDate(o.occurs_on)
  );
  const out: RiskOccasion[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const overrides = Object.fromEntries(
      own.filter((o) => o.year === y).map((o) => [o.key, o.occurs_on])
    );
    out.push(...defaultOccasionsOf(y, overrides));
  }
  return out;
}

/**
 * defaultRiskOccasions is a pure function of the year and the municipality's own dates, and the
 * same few are asked for on every follow-up: remembered (a bounded map of frozen answers).
 */
const defaultOccasions = new Map<string, readonly RiskOccasion[]>();
function defaultOccasionsOf(year: number, overrides: Record<string, string>) {
  const key = `${year}|${JSON.stringify(Object.entries(overrides).sort())}`;
  let hit = defaultOccasions.get(key);
  if (!hit) {
    hit = Object.freeze(defaultRiskOccasions(year, overrides).map((o) => Object.freeze({ ...o })));
    if (defaultOccasions.size >= 5_000) defaultOccasions.clear();
    defaultOccasions.set(key, hit);
  }
  return hit;
}

/**
 * The public judges a measure only as far as its activities are published: a monthly-count
 * measure as of the first of this month, a delayed one as of its delay ago. Otherwise the public
 * would see police work as "behind" just because it is not published yet.
 */
function publicJudgingDay(
  m: { publication_rule: string; publication_delay_days: number },
  today: string
): string {
  if (m.publication_rule === 'monthly') return startOfMonth(today);
  if (m.publication_rule === 'delayed')
    return addDays(today, -Math.max(1, Number(m.publication_delay_days)));
  return today;
}
