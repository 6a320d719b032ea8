import { addDays, type FollowUpStatus, type PeriodResult } from '../../../core';
import type { MeasureChange } from '../../../core/plan-diff';
import { periodLabel } from '../../../i18n/status';
import type { Ctx } from '../../context';
import { listActivities } from '../logging/activity-list.service';
import { getAgreementView } from '../agreements/agreement-view.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { NotFoundError } from '../shared/errors';
import { listEvents, type PublicEvent } from './event.service';
import { agreementFollowUp } from '../follow-up/follow-up.service';
import { listOpenAgreements, type OpenAgreementSummary } from './open-data.service';
import { resolveOrganisation } from '../accounts/organisation.service';
import { compareRevisions } from '../agreements/plan.service';
import { listContacts, type PublicContact } from './public-contact.service';

/** One period's verdict for a measure, as the public page shows it. */
export type PublicResult = {
  label: string;
  status: FollowUpStatus;
  done: number;
  expected: number | null;
  /** The public count runs only through this day: the rest is published later. */
  publishedThrough?: string;
};

/** How a published agreement's public measures stand this tertial and this year. */
export type Standing = Awaited<ReturnType<typeof currentStanding>>;

const within = (today: string) => (p: { start: string; end: string }) =>
  p.start <= today && today <= p.end;

/** The period containing today, else the last one before it (an ended agreement shows its end). */
function currentPeriod<T extends { start: string; end: string }>(periods: T[], today: string) {
  return periods.find(within(today)) ?? periods.filter((p) => p.start <= today).at(-1) ?? null;
}

/**
 * The status of every public measure this tertial and this year, judged as the public may see
 * it (only published activities count), with the number of measures per status this tertial.
 */
export async function currentStanding(ctx: Ctx, agreementId: string) {
  const [tertial, year] = await Promise.all(
    (['tertial', 'year'] as const).map((period) =>
      agreementFollowUp(ctx, agreementId, { period }, { includeInternal: false })
    )
  );
  const today = tertial!.today;
  const yearByKey = new Map(year!.measures.map((m) => [m.key, m]));
  const result = (p: PeriodResult | null, kind: string): PublicResult | null =>
    p
      ? {
          label: periodLabel(p.start, p.end, kind),
          status: p.status,
          done: p.done,
          expected: p.expected,
          ...(p.publishedThrough ? { publishedThrough: p.publishedThrough } : {})
        }
      : null;
  const measures = tertial!.measures.map((m) => ({
    key: m.key,
    title: m.title,
    tertial: result(currentPeriod(m.periods, today), 'tertial'),
    year: result(currentPeriod(yearByKey.get(m.key)?.periods ?? [], today), 'year'),
    yearFulfilment: yearByKey.get(m.key)?.fulfilment ?? null
  }));
  const counts: Partial<Record<FollowUpStatus, number>> = {};
  for (const m of measures)
    if (m.tertial) counts[m.tertial.status] = (counts[m.tertial.status] ?? 0) + 1;
  const tertialLabel = measures.find((m) => m.tertial)?.tertial?.label ?? null;
  return {
    today,
    tertialLabel,
    measures,
    counts,
    demo: tertial!.demo,
    byFocusArea: year!.fulfilment.byFocusArea
  };
}

/** The agreement shown first: the signed one in force today, else the latest published. */
export function mainAgreement(list: OpenAgreementSummary[], today: string) {
  const inForce = list.filter((a) => a.status === 'signed' && within(today)(a.period));
  const byStart = (xs: OpenAgreementSummary[]) =>
    [...xs].sort((a, b) => b.period.start.localeCompare(a.period.start))[0] ?? null;
  return byStart(inForce) ?? byStart(list);
}

/** A published municipality and its agreements, or NotFoundError when the code is no municipality. */
export async function publishedAgreementsOf(ctx: Ctx, code: string) {
  const municipality = /^\d{4}$/.test(code) ? await resolveOrganisation(ctx, code) : null;
  if (!municipality || municipality.kind !== 'municipality')
    throw new NotFoundError(`Det finns ingen kommun med kommunkod ${code}.`);
  const agreements = await listOpenAgreements(ctx, { kommun: code });
  return { municipality, agreements, main: mainAgreement(agreements, stockholmDate(ctx.now())) };
}

/** Each yearly revision after the first, with what changed from the year before and why. */
async function revisionHistory(ctx: Ctx, agreementId: string, years: number[]) {
  const out: { year: number; changes: MeasureChange[] }[] = [];
  for (let i = 1; i < years.length; i++) {
    const r = await compareRevisions(ctx, agreementId, years[i - 1]!, years[i]!);
    out.push({ year: years[i]!, changes: r.changes });
  }
  return out;
}

/** Everything the public page of a municipality shows: promises, standing, work, effects, events. */
export async function municipalityPage(ctx: Ctx, code: string) {
  const { municipality, agreements, main } = await publishedAgreementsOf(ctx, code);
  const base = {
    municipality: {
      code: municipality.code ?? code,
      name: municipality.name
    },
    agreements
  };
  if (!main) return { ...base, agreement: null };
  const view = await getAgreementView(ctx, main.id, { includeInternal: false });
  const [standing, activities, events, contacts, revisions] = await Promise.all([
    currentStanding(ctx, main.id),
    listActivities(ctx, null, { agreementId: main.id, pageSize: 10 }),
    listEvents(ctx, [main.id], { upcoming: true, limit: 20 }),
    listContacts(ctx, main.id),
    revisionHistory(
      ctx,
      main.id,
      view.revisions.map((r) => r.year)
    )
  ]);
  const publicMeasures = new Map(
    (view.revision?.groups ?? []).flatMap((g) => g.measures.map((m) => [m.key, m.title]))
  );
  return {
    ...base,
    agreement: {
      view,
      standing,
      activities: activities.items
        .filter((a) => publicMeasures.has(a.measureKey))
        .map((a) => ({
          id: a.id,
          date: a.date,
          measure: publicMeasures.get(a.measureKey)!,
          count: a.count,
          place: a.place,
          demo: a.demo
        })),
      activitiesTotal: activities.total,
      events: events satisfies PublicEvent[],
      contacts: contacts satisfies PublicContact[],
      revisionHistory: revisions
    }
  };
}

/** The page model of a municipality's public page. */
export type MunicipalityPage = Awaited<ReturnType<typeof municipalityPage>>;

/** The events of a municipality's published agreements, from a month back on (for its calendar feed). */
export async function municipalityEvents(ctx: Ctx, code: string) {
  const { municipality, agreements } = await publishedAgreementsOf(ctx, code);
  const events = await listEvents(
    ctx,
    agreements.map((a) => a.id),
    { since: addDays(stockholmDate(ctx.now()), -31), limit: 500 }
  );
  return { municipality, events };
}

/** Lower case without accents, so "norsjo" finds Norsjö. */
const folded = (s: string) =>
  s
    .trim()
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** Every municipality with a published agreement, by name, optionally only those matching `q`. */
export async function publishedMunicipalities(ctx: Ctx, q = '') {
  const byCode = new Map<string, { code: string; name: string; demo: boolean; titles: string[] }>();
  for (const a of await listOpenAgreements(ctx, {}))
    for (const m of a.municipalities) {
      const entry = byCode.get(m.code) ?? { code: m.code, name: m.name, demo: false, titles: [] };
      entry.demo ||= a.demo;
      entry.titles.push(a.title);
      byCode.set(m.code, entry);
    }
  const words = folded(q);
  return [...byCode.values()]
    .filter((m) => !words || folded(m.name).includes(words) || m.code.startsWith(words))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
