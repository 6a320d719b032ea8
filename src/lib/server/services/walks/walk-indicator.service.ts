import type { DateRange } from '../../../core/dates';
import {
  sharePerTertial,
  shownPeriods,
  tertialsOf,
  type PeriodShare
} from '../../../core/walk-indicator';
import type { Ctx } from '../../context';
import { fixedInTimeByMonth } from '../../db/repositories/walks/walk-indicator.repository';
import { fixedInTimeChart } from '../../render/walks/fixed-in-time-chart';

/** A tertial's words: '2026, januari–april' in Swedish, '2026, January–April' in English. */
const TERTIAL_WORDS = {
  sv: ['januari–april', 'maj–augusti', 'september–december'],
  en: ['January–April', 'May–August', 'September–December']
} as const;

export const tertialLabel = (key: string, lang: 'sv' | 'en' = 'sv'): string =>
  `${key.slice(0, 4)}, ${TERTIAL_WORDS[lang][Number(key.slice(-1)) - 1]}`;

/**
 * The share of observations fixed within their due date per tertial, over a window (the
 * agreements' years), from the SQL aggregate. Each period counts every approved observation due
 * in it, whatever the window: the window only picks the periods.
 */
export async function fixedInTimePerTertial(
  ctx: Ctx,
  agreementIds: string[],
  window: DateRange,
  today: string
): Promise<PeriodShare[]> {
  const whole = tertialsOf(window);
  if (!whole.length) return [];
  const months = await fixedInTimeByMonth(ctx.db, agreementIds, today, {
    from: whole[0]!.start,
    to: whole.at(-1)!.end
  });
  return sharePerTertial(months, window);
}

/**
 * The indicator over time for a municipality's public walks page: the agreements' years, the
 * periods with anything judged from the first on, a chart and the same figures as a table.
 */
export async function fixedInTimeOverTime(
  ctx: Ctx,
  agreements: { id: string; period: DateRange }[],
  today: string,
  lang: 'sv' | 'en' = 'sv'
) {
  if (!agreements.length) return null;
  const window = {
    start: agreements.map((a) => a.period.start).sort()[0]!,
    end: agreements
      .map((a) => a.period.end)
      .sort()
      .at(-1)!
  };
  const periods = shownPeriods(
    await fixedInTimePerTertial(
      ctx,
      agreements.map((a) => a.id),
      window,
      today
    ),
    today
  );
  if (!periods.length) return null;
  const labelled = periods.map((p) => ({ ...p, label: tertialLabel(p.key, lang) }));
  const chart = fixedInTimeChart(labelled, lang);
  return {
    periods: labelled.map((p, i) => ({ ...p, text: chart.rows[i]!.text })),
    svg: chart.svg
  };
}

export type FixedInTimeOverTime = NonNullable<Awaited<ReturnType<typeof fixedInTimeOverTime>>>;
