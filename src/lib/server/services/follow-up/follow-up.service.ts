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
  type PeriodKind,
  type PeriodResult,
  type RiskOccasion,
  type Target
} from '../../../core';
import type { Ctx } from '../../context';
import {
  agreementMunicipalityIds,
  findAgreement
} from '../../db/repositories/agreements/agreement.repository';
import { dailyTallies, hasDemoActivities } from '../../db/repositories/logging/activity.repository';
import {
  listRevisions,
  loadRevisionContent
} from '../../db/repositories/agreements/plan.repository';
import { riskOccasionsOf } from '../../db/repositories/agreements/risk-occasion.repository';
import { stockholmDate } from '../shared/clock';
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

type Segment = { start: string; end: string; revisionId: string };

/** Splits the span into the stretches each yearly revision governs (the first also covers anything before its year). */
function segments(
  revisions: { id: string; year: number }[],
  span: { start: string; end: string },
  period: PeriodKind
): Segment[] {
  if (!revisions.length) return [];
  if (period === 'agreement') return [{ ...span, revisionId: revisions[revisions.length - 1]!.id }];
  const out: Segment[] = [];
  revisions.forEach((r, i) => {
    const next = revisions[i + 1];
    const start =
      i === 0 ? span.start : `${r.year}-01-01` > span.start ? `${r.year}-01-01` : span.start;
    const end = next ? `${next.year - 1}-12-31` : span.end;
    const clippedEnd = end < span.end ? end : span.end;
    if (start <= clippedEnd) out.push({ start, end: clippedEnd, revisionId: r.id });
  });
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

  const revisions = await listRevisions(ctx.db, agreementId);
  const segs = segments(revisions, span, q.period);
  // The public sees only activities the publication rules have released by the real today
  // (never by `asOf`, which only moves the judging day).
  const tallies = await dailyTallies(
    ctx.db,
    agreementId,
    span.start,
    span.end,
    undefined,
    options.includeInternal ? undefined : stockholmDate(ctx.now())
  );

  const byKey = new Map<string, DailyTally[]>();
  for (const t of tallies) {
    const list = byKey.get(t.measureKey) ?? [];
    list.push({ date: t.date, count: t.count, shifts: t.shifts, grade: t.grade });
    byKey.set(t.measureKey, list);
  }
  const municipalityIds = await agreementMunicipalityIds(ctx.db, agreementId);
  const riskOccasions = await occasionsFor(
    ctx,
    municipalityIds,
    Number(span.start.slice(0, 4)),
    Number(span.end.slice(0, 4))
  );

  const measures = new Map<string, MeasureFollowUp>();
  for (const seg of segs) {
    const content = await loadRevisionContent(ctx.db, seg.revisionId);
    const groups = new Map(content.groups.map((g) => [g.id, g.title]));
    for (const m of content.measures) {
      if (!options.includeInternal && m.visibility !== 'public') continue;
      const target = JSON.parse(m.target_json) as Target;
      const segSpan = {
        start: m.starts_on && m.starts_on > seg.start ? m.starts_on : seg.start,
        end: m.ends_on && m.ends_on < seg.end ? m.ends_on : seg.end
      };
      const judgedTo = options.includeInternal
        ? today
        : minDate(today, publicJudgingDay(m, stockholmDate(ctx.now())));
      const results = (
        segSpan.start <= segSpan.end
          ? followUp({
              target,
              tallies: byKey.get(m.measure_key) ?? [],
              today: judgedTo,
              span: segSpan,
              period: q.period,
              riskOccasions
            })
          : []
      ).map((r) => {
        // Say so where the public sees a period only partly: the rest is published later.
        const through = m.publication_rule === 'monthly' ? addDays(judgedTo, -1) : judgedTo;
        return judgedTo < today && r.end > through && r.start <= today
          ? { ...r, publishedThrough: through }
          : r;
      });
      const prev = measures.get(m.measure_key);
      // The latest revision in the span names the measure; periods accumulate across revisions.
      measures.set(m.measure_key, {
        measureId: m.id,
        key: m.measure_key,
        title: m.title,
        group: groups.get(m.group_id) ?? '',
        target,
        targetDescription: describeTarget(target, options.lang ?? 'sv'),
        responsiblePartyId: m.responsible_party_id,
        partyIds: content.parties.filter((p) => p.measure_id === m.id).map((p) => p.id),
        focusAreaIds: content.focusAreas
          .filter((f) => f.measure_id === m.id)
          .map((f) => f.focus_area_id),
        periods: [...(prev?.periods ?? []), ...results],
        fulfilment: { met: 0, judged: 0, share: null }
      });
    }
  }
  const list = [...measures.values()].map((m) => ({ ...m, fulfilment: fulfilment(m.periods) }));
  // Demo activities are invented: whoever shows this follow-up must say so.
  const demo = await hasDemoActivities(ctx.db, agreementId);
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
      for (const k of keyOf(m)) map.set(k, [...(map.get(k) ?? []), ...m.periods]);
    return Object.fromEntries([...map].map(([k, v]) => [k, fulfilment(v)]));
  };
  return {
    total: fulfilment(list.flatMap((m) => m.periods)),
    byFocusArea: group((m) => m.focusAreaIds),
    byResponsibleParty: group((m) => (m.responsiblePartyId ? [m.responsiblePartyId] : []))
  };
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
    out.push(...defaultRiskOccasions(y, overrides));
  }
  return out;
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
