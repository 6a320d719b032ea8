/**
 * DEMO DATA: `loften demo national` builds a synthetic national dataset: a demo local police area
 * per county under the real police regions, one agreement per municipality with 10–20 measures of
 * every target kind, four years of activities (bulk-inserted in transactions of multi-row
 * inserts) and small survey rounds. Everything is labelled: agreements and activities carry the
 * demo flag, police areas and agreement titles say "(demo)".
 */
import { createHash } from 'node:crypto';
import { addDays, eachDay } from '../../../core';
import { answerSetText, readAnswers, valuesByKey } from '../../../core/survey';
import { stockholmDate } from '../../../core/stockholm-date';
import { SYSTEM } from '../../auth/policy';
import type { Ctx } from '../../context';
import type { OrganisationTable } from '../../db/schema';
import { insertOrganisations } from '../../db/repositories/accounts/organisation.repository';
import {
  analyseAfterBulkLoad,
  bulkLoadCache,
  countDemoNationalAgreements,
  insertDemoActivities,
  type DemoActivityRow
} from '../../db/repositories/follow-up/national-demo.repository';
import { municipalityId, regionId } from '../../services/accounts/organisation.service';
import { createAgreement } from '../../services/agreements/agreement.service';
import { loadSurveyQuestions, requireSurvey } from '../../services/dialogue/survey-access';
import { storeResponse } from '../../services/dialogue/survey-response.service';
import { createSurvey, updateSurvey } from '../../services/dialogue/survey.service';
import { ValidationError } from '../../services/shared/errors';
import { NORSJO_CODE } from '../norsjo';
import { capScheduled, scheduledActivities } from './national-schedule';
import { NORSJO_DEMO_SURVEY, NORSJO_EXTRA_ITEMS, norsjoSurveyAnswers } from '../norsjo-survey';
import {
  DEMO_FOCUS_AREAS,
  demoAgreementPlans,
  demoPoliceAreas,
  seededRandom,
  seededUuid,
  type DemoAgreementPlan
} from './national-plan';

/** What to build. */
export type NationalDemoOptions = {
  /** Activities in all (default 5,000,000). */
  activities: number;
  /** The generator's seed (default 1). */
  seed: number;
  /** Only the first N municipalities (default all 290, Norsjö excepted). */
  municipalities?: number;
  /** Only these municipality codes (tests). */
  codes?: string[];
  /** Every Nth agreement gets a survey round (0: none). Default 10. */
  surveyEvery?: number;
  /** Answers per survey round. Default 20. */
  answersPerSurvey?: number;
  /** Rows per transaction. Default 50,000. */
  transactionRows?: number;
};

/** Where the build is: a phase and how far along it is. */
export type NationalProgress = (phase: string, done: number, total: number) => void;

/** What was built. */
export type NationalDemoResult = {
  policeAreas: number;
  agreementIds: string[];
  activities: number;
  deleted: number;
  surveys: number;
  answers: number;
  span: { start: string; end: string };
  ms: { agreements: number; activities: number; surveys: number };
};

/** The four years the dataset covers: this year and the three before it, activities until today. */
export function nationalSpan(today: string): { start: string; end: string; until: string } {
  const year = Number(today.slice(0, 4));
  return { start: `${year - 3}-01-01`, end: `${year}-12-31`, until: today };
}

/** Builds the national demo dataset. Refuses when it already exists. */
export async function buildNationalDemo(
  ctx: Ctx,
  options: NationalDemoOptions,
  progress: NationalProgress = () => undefined
): Promise<NationalDemoResult> {
  if (!Number.isInteger(options.activities) || options.activities < 0)
    throw new ValidationError([
      { field: 'activities', message: 'Antalet aktiviteter ska vara ett heltal, 0 eller fler.' }
    ]);
  if (!Number.isInteger(options.seed))
    throw new ValidationError([{ field: 'seed', message: 'Fröet ska vara ett heltal.' }]);
  if ((await countDemoNationalAgreements(ctx.db)) > 0)
    throw new ValidationError([
      {
        field: 'activities',
        message:
          'Det nationella demodatat finns redan i databasen. Börja med en tom databas för att bygga det igen.'
      }
    ]);
  const today = stockholmDate(ctx.now());
  const span = nationalSpan(today);
  const t0 = performance.now();

  // Police areas: one synthetic local police area per county under its real region.
  const at = ctx.now().toISOString();
  const areas = demoPoliceAreas();
  await insertOrganisations(
    ctx.db,
    areas.map((a): OrganisationTable => ({
      id: a.id,
      kind: 'police_area',
      name: a.name,
      code: null,
      level: 'lokalpolisomrade',
      parent_id: regionId(a.region),
      county_code: a.countyCode,
      party_type: null,
      owner_id: null,
      created_at: at
    }))
  );

  // Agreements through the ordinary service (its validation, its audit entry), flagged demo.
  const plans = demoAgreementPlans(options.seed, {
    municipalities: options.municipalities,
    codes: options.codes,
    skipCodes: [NORSJO_CODE]
  });
  const agreementIds: string[] = [];
  for (const [i, plan] of plans.entries()) {
    agreementIds.push(await createDemoAgreement(ctx, plan, span));
    progress('överenskommelser', i + 1, plans.length);
  }
  const t1 = performance.now();

  const counts = { activities: 0, deleted: 0 };
  const batchRows = options.transactionRows ?? 50_000;
  const rowsPerInsert = ctx.dbKind === 'postgresql' ? 2000 : 1000;
  await bulkLoadCache(ctx.db, ctx.dbKind === 'postgresql', true);
  try {
    for (const batch of activityBatches(plans, agreementIds, span, options, batchRows, counts)) {
      await insertDemoActivities(ctx.db, batch, rowsPerInsert);
      progress('aktiviteter', counts.activities, options.activities);
    }
  } finally {
    await bulkLoadCache(ctx.db, ctx.dbKind === 'postgresql', false);
  }
  await analyseAfterBulkLoad(ctx.db, ctx.dbKind === 'postgresql');
  const t2 = performance.now();

  const surveys = await buildSurveys(ctx, plans, agreementIds, span, options, progress);
  return {
    policeAreas: areas.length,
    agreementIds,
    activities: counts.activities,
    deleted: counts.deleted,
    surveys: surveys.surveys,
    answers: surveys.answers,
    span: { start: span.start, end: span.end },
    ms: { agreements: t1 - t0, activities: t2 - t1, surveys: performance.now() - t2 }
  };
}

async function createDemoAgreement(
  ctx: Ctx,
  plan: DemoAgreementPlan,
  span: { start: string; end: string }
): Promise<string> {
  const municipality = municipalityId(plan.municipality.code);
  const focusKey = (title: string) => `fokus-${DEMO_FOCUS_AREAS.indexOf(title as never)}`;
  const { id } = await createAgreement(
    ctx,
    SYSTEM,
    {
      title: `Medborgarlöfte ${plan.municipality.name} ${span.start.slice(0, 4)}–${span.end.slice(0, 4)} (demo)`,
      municipalityIds: [municipality],
      policeAreaId: plan.policeAreaId,
      status: 'signed',
      periodStart: span.start,
      periodEnd: span.end,
      periodText: 'DEMO: påhittad överenskommelse för att visa hela landet.',
      situationSummary: 'DEMO: påhittad lägesbild.',
      focusAreas: plan.focusAreas.map((title) => ({ key: focusKey(title), title })),
      plan: {
        year: Number(span.start.slice(0, 4)),
        note: 'DEMO: påhittad genomförandeplan.',
        groups: [
          {
            title: 'Åtgärder',
            measures: plan.measures.map((m) => ({
              key: m.key,
              title: m.title,
              targetText: m.targetText,
              focusAreaKeys: [focusKey(DEMO_FOCUS_AREAS[m.focus]!)],
              visibility: 'public' as const,
              publicationRule: 'public' as const
            }))
          }
        ]
      }
    },
    { demo: true }
  );
  return id;
}

/**
 * Activities day by day over the span until today (as they would arrive, so one agreement's rows
 * are scattered through the table), each day's share spread over agreements by size and over
 * their measures by weight; about 1 % soft-deleted. Yields batches of `batchRows`.
 */
function* activityBatches(
  plans: DemoAgreementPlan[],
  agreementIds: string[],
  span: { start: string; until: string },
  options: NationalDemoOptions,
  batchRows: number,
  counts: { activities: number; deleted: number }
): Generator<DemoActivityRow[]> {
  if (plans.length === 0 || options.activities === 0) return;
  const rnd = seededRandom(options.seed * 7919 + 17);
  const days = eachDay({ start: span.start, end: span.until });
  const cumulative = (weights: number[]) => {
    let sum = 0;
    return weights.map((w) => (sum += w)).map((c) => c / sum);
  };
  const pick = (cum: number[]) => {
    const r = rnd();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const agreementCum = cumulative(plans.map((p) => p.size));
  const measureCum = plans.map((p) => cumulative(p.measures.map((m) => m.weight)));
  // Interval and occasion targets get their activities on the days they name (at most half of
  // the total); the rest are spread over the days as before, so the total stays what was asked.
  const scheduled = capScheduled(
    scheduledActivities(plans, span, rnd),
    Math.floor(options.activities / 2)
  );
  let next = 0;
  let batch: DemoActivityRow[] = [];
  const total = options.activities - scheduled.length;
  for (let d = 0; d < days.length; d++) {
    const day = days[d]!;
    const createdAt = `${day}T15:00:00.000Z`;
    const spread =
      Math.floor(((d + 1) * total) / days.length) - Math.floor((d * total) / days.length);
    const onDay: { a: number; m: DemoAgreementPlan['measures'][number] }[] = [];
    for (; next < scheduled.length && scheduled[next]!.day <= day; next++)
      if (scheduled[next]!.day === day)
        onDay.push({ a: scheduled[next]!.agreement, m: scheduled[next]!.measure });
    const n = spread + onDay.length;
    for (let i = 0; i < n; i++) {
      const fixed = i < onDay.length ? onDay[i] : undefined;
      const a = fixed ? fixed.a : pick(agreementCum);
      const plan = plans[a]!;
      const m = fixed ? fixed.m : plan.measures[pick(measureCum[a]!)]!;
      const count = m.key === 'trafikkontroller' ? 1 + Math.floor(rnd() * 4) : 1;
      const deleted = rnd() < 0.01;
      batch.push({
        id: seededUuid(rnd, options.seed * 2 ** 32 + counts.activities),
        agreement_id: agreementIds[a]!,
        measure_key: m.key,
        occurred_on: day,
        count,
        shifts: m.shifts ? count + (rnd() < 0.2 ? 1 : 0) : 0,
        grade: m.grades ? m.grades[Math.floor(rnd() * m.grades.length)]! : null,
        place: null,
        note: null,
        organisation_id: plan.policeAreaId,
        created_by: null,
        created_at: createdAt,
        deleted_at: deleted ? createdAt : null,
        idempotency_key: null,
        demo: 1,
        publication: 'public',
        publish_after: addDays(day, 1),
        party_ids: '[]',
        updated_at: null,
        updated_by: null
      });
      counts.activities++;
      if (deleted) counts.deleted++;
      if (batch.length >= batchRows) {
        yield sortForIndex(batch);
        batch = [];
      }
    }
  }
  if (batch.length) yield sortForIndex(batch);
}

/** A batch in the covering index's order, so each insert touches neighbouring index pages. */
function sortForIndex(batch: DemoActivityRow[]): DemoActivityRow[] {
  const key = (r: DemoActivityRow) =>
    `${r.agreement_id}\u0000${r.measure_key}\u0000${r.occurred_on}`;
  return batch
    .map((r) => ({ r, k: key(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.r);
}

/** A small survey round for every Nth municipality, with invented answers (labelled demo). */
async function buildSurveys(
  ctx: Ctx,
  plans: DemoAgreementPlan[],
  agreementIds: string[],
  span: { start: string },
  options: NationalDemoOptions,
  progress: NationalProgress
): Promise<{ surveys: number; answers: number }> {
  const every = options.surveyEvery ?? 10;
  const perSurvey = options.answersPerSurvey ?? 20;
  if (every <= 0) return { surveys: 0, answers: 0 };
  const chosen = plans.map((p, i) => ({ p, i })).filter(({ i }) => i % every === 0);
  const pool = norsjoSurveyAnswers(Math.max(perSurvey, 1) * 5, options.seed);
  const year = span.start.slice(0, 4);
  const opensOn = addDays(`${year}-01-01`, -92);
  let answers = 0;
  for (const [n, { p, i }] of chosen.entries()) {
    const head = {
      ...NORSJO_DEMO_SURVEY,
      title: `Trygghetsenkät ${p.municipality.name} inför ${year} (demo)`,
      titleEn: `Safety survey ${p.municipality.name} before ${year} (demo)`,
      intro: `DEMO: påhittade svar. Polisen och ${p.municipality.name} vill veta vad som gör dig trygg eller otrygg.`,
      introEn: `DEMO: invented answers. The police and ${p.municipality.name} want to know what makes you feel safe or unsafe.`,
      opensOn,
      closesOn: addDays(opensOn, 45),
      areas: ['Centralorten', 'Övriga kommunen'].join('\n'),
      agreementId: agreementIds[i]!
    };
    const { id } = await createSurvey(ctx, SYSTEM, p.municipality.code, head, {
      demo: true,
      extraItems: NORSJO_EXTRA_ITEMS
    });
    const survey = await requireSurvey(ctx, id);
    const questions = await loadSurveyQuestions(ctx, id);
    const mine = pool
      .slice((n * perSurvey) % pool.length)
      .concat(pool)
      .slice(0, perSurvey);
    await ctx.db.transaction().execute(async (trx) => {
      for (const a of mine) {
        const values = {
          ...a.values,
          omrade: a.values.omrade === 'norsjo-tatort' ? 'centralorten' : 'ovriga-kommunen'
        };
        const { answers: parsed } = readAnswers(questions, valuesByKey(questions, values));
        const hash = createHash('sha256')
          .update(`${id}:${answerSetText(parsed)}`)
          .digest('hex');
        await storeResponse(trx, survey, questions, parsed, {
          at: `${addDays(opensOn, 3)}T10:00:00.000Z`,
          source: 'web',
          duplicate: false,
          hash,
          by: null
        });
        answers++;
      }
    });
    await updateSurvey(ctx, SYSTEM, id, { ...head, status: 'closed' });
    progress('enkäter', n + 1, chosen.length);
  }
  return { surveys: chosen.length, answers };
}
