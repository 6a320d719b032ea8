import { z } from 'zod';
import {
  fulfilment,
  maxDate,
  minDate,
  periods,
  type DateRange,
  type PeriodResult
} from '../../../core';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import { findAgreement } from '../../db/repositories/agreements/agreement.repository';
import { organisationNames } from '../../db/repositories/accounts/organisation.repository';
import { canEditAgreement } from '../agreements/agreement.service';
import { getAgreementForActor, type AgreementView } from '../agreements/agreement-view.service';
import { stockholmDate } from '../../../core/stockholm-date';
import { NotFoundError } from '../shared/errors';
import { agreementFollowUp, type MeasureFollowUp } from './follow-up.service';
import { displayName } from '../accounts/organisation.service';

/** A party (organisation) by id and name. */
export type PartyRef = { id: string; name: string };

/** One measure on the dashboard: its status now, and its status every month of the four years. */
export type DashboardMeasure = {
  key: string;
  title: string;
  group: string;
  targetDescription: string;
  responsibleParty: PartyRef | null;
  partyIds: string[];
  month: PeriodResult | null;
  tertial: PeriodResult | null;
  year: PeriodResult | null;
  /** One entry per column of `months`; null where the measure was not in the plan. */
  months: (PeriodResult | null)[];
  /** Kept of judged years over the four years. */
  fulfilment: { met: number; judged: number; share: number | null };
};

/** The id of the fulfilment row for measures whose agreement names no responsible party. */
export const NO_RESPONSIBLE_PARTY = '';

/** A row of a fulfilment summary: a focus area or a responsible party. */
export type FulfilmentRow = PartyRef & { met: number; judged: number; share: number | null };

const dashboardQuery = z.object({
  part: z.string().trim().min(1).max(100).optional().catch(undefined)
});

/** The four calendar years up to the reference day's, inside the agreement. */
export function fourYears(agreement: DateRange, reference: string): DateRange {
  const year = Number(reference.slice(0, 4));
  return {
    start: maxDate(agreement.start, `${year - 3}-01-01`),
    end: minDate(agreement.end, `${year}-12-31`)
  };
}

/** The day the dashboard speaks of: today, or the agreement's last (first) day when it ended (has not begun). */
export function referenceDay(agreement: DateRange, today: string): string {
  return minDate(maxDate(today, agreement.start), agreement.end);
}

const containing = (list: readonly PeriodResult[] | undefined, day: string) =>
  list?.find((p) => p.start <= day && day <= p.end) ?? null;

/**
 * The follow-up dashboard of an agreement: every measure's status this month, tertial and year,
 * its monthly statuses over the last four years, and fulfilment per focus area and responsible
 * party, optionally only for the measures a party is responsible for or takes part in.
 * Three follow-up computations in all (month and year over four years, tertial over this year).
 */
export async function agreementDashboard(
  ctx: Ctx,
  actor: Actor | null,
  agreementId: string,
  query: unknown = {},
  options: { lang?: 'sv' | 'en' } = {}
) {
  const q = dashboardQuery.parse(query);
  const agreement = await findAgreement(ctx.db, agreementId);
  if (!agreement) throw new NotFoundError('Överenskommelsen finns inte.');
  const period = { start: agreement.period_start, end: agreement.period_end };
  const today = stockholmDate(ctx.now());
  const reference = referenceDay(period, today);
  const span = fourYears(period, reference);
  const thisYear = {
    start: maxDate(period.start, `${reference.slice(0, 4)}-01-01`),
    end: minDate(period.end, `${reference.slice(0, 4)}-12-31`)
  };
  // Who may see internal measures is known before the view is loaded, so all four run at once
  // (getAgreementForActor still refuses a draft to outsiders).
  const opts = {
    includeInternal: await canEditAgreement(ctx, actor, agreementId),
    lang: options.lang
  };
  const [{ view, editable }, monthly, tertials, yearly] = await Promise.all([
    getAgreementForActor(ctx, actor, agreementId),
    agreementFollowUp(ctx, agreementId, { period: 'month', from: span.start, to: span.end }, opts),
    agreementFollowUp(
      ctx,
      agreementId,
      { period: 'tertial', from: thisYear.start, to: thisYear.end },
      opts
    ),
    agreementFollowUp(ctx, agreementId, { period: 'year', from: span.start, to: span.end }, opts)
  ]);

  const names = await partyNames(ctx, view, monthly.measures);
  const involved = new Set(
    monthly.measures.flatMap((m) => [
      ...(m.responsiblePartyId ? [m.responsiblePartyId] : []),
      ...m.partyIds
    ])
  );
  const parties = [...involved]
    .map((id) => ({ id, name: names.get(id) ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const party = q.part ? (parties.find((p) => p.id === q.part) ?? null) : null;
  const chosen = (m: MeasureFollowUp) =>
    !party || m.responsiblePartyId === party.id || m.partyIds.includes(party.id);

  const months = periods(span, 'month');
  const byKey = (list: MeasureFollowUp[]) => new Map(list.map((m) => [m.key, m]));
  const tertialOf = byKey(tertials.measures);
  const yearOf = byKey(yearly.measures);
  const measures: DashboardMeasure[] = monthly.measures.filter(chosen).map((m) => {
    const starts = new Map(m.periods.map((p) => [p.start, p]));
    const years = yearOf.get(m.key)?.periods ?? [];
    return {
      key: m.key,
      title: m.title,
      group: m.group,
      targetDescription: m.targetDescription,
      responsibleParty: m.responsiblePartyId
        ? { id: m.responsiblePartyId, name: names.get(m.responsiblePartyId) ?? '' }
        : null,
      partyIds: m.partyIds,
      month: containing(m.periods, reference),
      tertial: containing(tertialOf.get(m.key)?.periods, reference),
      year: containing(years, reference),
      months: months.map((p) => starts.get(p.start) ?? null),
      fulfilment: fulfilment(years)
    };
  });

  // Fulfilment counts kept years (a measure × a year), the current year as on track or behind.
  const kept = yearly.measures.filter(chosen);
  const row = (id: string, name: string, list: MeasureFollowUp[]): FulfilmentRow => ({
    id,
    name,
    ...fulfilment(list.flatMap((m) => m.periods))
  });
  const responsible = [...new Set(kept.map((m) => m.responsiblePartyId).filter((x) => !!x))];
  return {
    agreement: {
      id: view.id,
      title: view.title,
      period: view.period,
      demo: view.demo
    },
    editable,
    today,
    reference,
    span,
    /** The months of the four years, as 'YYYY-MM'. */
    months: months.map((p) => p.start.slice(0, 7)),
    demo: monthly.demo || tertials.demo || yearly.demo,
    parties,
    party,
    /** A `part` was asked for that takes no part in any measure. */
    partyUnknown: !!q.part && !party,
    measures,
    fulfilment: {
      total: fulfilment(kept.flatMap((m) => m.periods)),
      byFocusArea: view.focusAreas.map((f) =>
        row(
          f.id,
          f.title,
          kept.filter((m) => m.focusAreaIds.includes(f.id))
        )
      ),
      // Measures whose agreement names no responsible party share one row that says so (id '').
      byResponsibleParty: [
        ...responsible
          .map((id) =>
            row(
              id!,
              names.get(id!) ?? id!,
              kept.filter((m) => m.responsiblePartyId === id)
            )
          )
          .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
        ...(kept.some((m) => !m.responsiblePartyId)
          ? [
              row(
                NO_RESPONSIBLE_PARTY,
                'Anges inte i överenskommelsen',
                kept.filter((m) => !m.responsiblePartyId)
              )
            ]
          : [])
      ]
    }
  };
}

/** The dashboard as pages show it. */
export type Dashboard = Awaited<ReturnType<typeof agreementDashboard>>;

/** Names of every organisation the measures mention: the agreement's own, else one lookup. */
async function partyNames(
  ctx: Ctx,
  view: AgreementView,
  measures: readonly MeasureFollowUp[]
): Promise<Map<string, string>> {
  const names = new Map<string, string>([
    ...view.parties.map((p) => [p.id, p.name] as const),
    ...view.municipalities.map((m) => [m.id, `${m.name} kommun`] as const),
    ...(view.policeArea ? [[view.policeArea.id, view.policeArea.name] as const] : [])
  ]);
  for (const m of view.revision?.groups.flatMap((g) => g.measures) ?? []) {
    if (m.responsibleParty) names.set(m.responsibleParty.id, m.responsibleParty.name);
    for (const p of m.parties) names.set(p.id, p.name);
  }
  const missing = [
    ...new Set(
      measures.flatMap((m) => [
        ...(m.responsiblePartyId ? [m.responsiblePartyId] : []),
        ...m.partyIds
      ])
    )
  ].filter((id) => !names.has(id));
  for (const o of await organisationNames(ctx.db, missing)) names.set(o.id, displayName(o));
  return names;
}
