import {
  addDays,
  defaultRiskOccasions,
  endOfMonth,
  endOfTertial,
  minDate,
  startOfTertial,
  type PeriodKind,
  type RiskOccasion
} from '../../../core';
import {
  dueItems,
  dueObligations,
  duePeriodKind,
  type DueItem,
  type DueMeasure,
  type DueObligation
} from '../../../core/due';
import type { Actor } from '../../auth/policy';
import type { Ctx } from '../../context';
import {
  agreementMunicipalityIds,
  findAgreement
} from '../../db/repositories/agreements/agreement.repository';
import { riskOccasionsOf } from '../../db/repositories/agreements/risk-occasion.repository';
import { stockholmDate } from '../../../core/stockholm-date';
import { agreementFollowUp } from './follow-up.service';
import { loggableMeasures } from '../logging/logging.service';

/** What is due for one person: ranked measures and dated obligations ahead. */
export type DueReport = {
  today: string;
  /** Through which day obligations are listed. */
  until: string;
  items: DueItem[];
  obligations: DueObligation[];
  /** Some of the follow-up rests on invented demo activities. */
  demo: boolean;
};

/**
 * The span to follow up for "this period" of a kind: the whole calendar period around today, so
 * a count is owed over the full month or year; months start a year back so that a continuous
 * target's quiet days and an interval's runs reach over the month's start.
 */
function spanFor(kind: PeriodKind, today: string) {
  const year = today.slice(0, 4);
  if (kind === 'month') return { from: `${Number(year) - 1}-01-01`, to: endOfMonth(today) };
  if (kind === 'tertial') return { from: startOfTertial(today), to: endOfTertial(today) };
  if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  return {};
}

/** Risk occasions of the agreement's municipalities for some years, their own dates and names first. */
async function occasionsOf(
  ctx: Ctx,
  agreementId: string,
  fromYear: number,
  toYear: number
): Promise<RiskOccasion[]> {
  const municipalityIds = await agreementMunicipalityIds(ctx.db, agreementId);
  const own = await riskOccasionsOf(ctx.db, municipalityIds, fromYear, toYear);
  const seen = new Set<string>();
  const out: RiskOccasion[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const mine = own.filter((o) => o.year === y);
    const overrides = Object.fromEntries(mine.map((o) => [o.key, o.occurs_on]));
    const names = Object.fromEntries(mine.map((o) => [o.key, o.name]));
    for (const o of defaultRiskOccasions(y, overrides)) {
      if (seen.has(`${o.key} ${o.date}`)) continue;
      seen.add(`${o.key} ${o.date}`);
      out.push({ ...o, name: names[o.key] ?? o.name });
    }
  }
  return out;
}

/**
 * What is due for the actor across the running agreements of their organisations: each measure's
 * current period (internal measures included, the actor being a member) and the obligations ahead
 * through `horizonDays` (never past an agreement's end).
 */
export async function dueFor(
  ctx: Ctx,
  actor: Actor,
  options: { horizonDays?: number } = {}
): Promise<DueReport> {
  const today = stockholmDate(ctx.now());
  const until = addDays(today, options.horizonDays ?? 62);
  const loggable = await loggableMeasures(ctx, actor);
  const measures: DueMeasure[] = [];
  const occasions: Record<string, RiskOccasion[]> = {};
  const ends: Record<string, string> = {};
  let demo = false;
  for (const agreementId of [...new Set(loggable.map((m) => m.agreementId))]) {
    const agreement = await findAgreement(ctx.db, agreementId);
    if (!agreement) continue;
    ends[agreementId] = agreement.period_end;
    const followUpOf = (kind: PeriodKind) =>
      agreementFollowUp(
        ctx,
        agreementId,
        { period: kind, ...spanFor(kind, today) },
        { includeInternal: true }
      );
    const month = await followUpOf('month');
    demo ||= month.demo;
    const mine = loggable.flatMap((m) => {
      const f = m.agreementId === agreementId && month.measures.find((x) => x.key === m.key);
      return f ? [{ loggable: m, kind: duePeriodKind(f.target), target: f.target }] : [];
    });
    // Only the period kinds some measure is judged in.
    const byKind = new Map([['month', month]]);
    for (const kind of new Set(mine.map((m) => m.kind)))
      if (kind && !byKind.has(kind)) byKind.set(kind, await followUpOf(kind));
    for (const { loggable: m, kind, target } of mine) {
      const followed = kind ? byKind.get(kind)?.measures.find((x) => x.key === m.key) : undefined;
      measures.push({
        measureId: m.id,
        title: m.title,
        agreementId,
        agreementTitle: m.agreementTitle,
        target,
        period: followed?.periods.find((p) => p.start <= today && today <= p.end) ?? null,
        own: m.own
      });
    }
    const last = minDate(until, agreement.period_end);
    occasions[agreementId] = await occasionsOf(
      ctx,
      agreementId,
      Number(today.slice(0, 4)),
      Number(last.slice(0, 4))
    );
  }
  const obligations = dueObligations(measures, occasions, today, until).filter(
    (o) => o.start <= (ends[o.agreementId] ?? until)
  );
  return { today, until, items: dueItems(measures, today), obligations, demo };
}
