import { fulfilmentBarsSvg } from '../shared/charts';

/** One period of the indicator as the chart needs it. */
export type FixedInTimePeriod = { label: string; fixedInTime: number; judged: number };

const WORDS = {
  sv: {
    label: 'Stapeldiagram: andel iakttagelser åtgärdade senast sista datum, per tertial. ',
    of: 'av',
    percent: 'procent',
    none: 'inget att bedöma'
  },
  en: {
    label: 'Bar chart: share of observations fixed by their due date, per four-month period. ',
    of: 'of',
    percent: 'per cent',
    none: 'nothing to judge'
  }
} as const;

/**
 * The public walks page's chart: per tertial, the share of observations fixed within their due
 * date, with the same figures in words (its text alternative, and the table beside it).
 */
export function fixedInTimeChart(
  periods: readonly FixedInTimePeriod[],
  lang: 'sv' | 'en' = 'sv'
): { svg: string; rows: { label: string; text: string }[] } {
  const w = WORDS[lang];
  const rows = periods.map((p) => ({
    label: p.label,
    text: p.judged
      ? `${Math.round((p.fixedInTime / p.judged) * 100)} ${w.percent} (${p.fixedInTime} ${w.of} ${p.judged})`
      : w.none
  }));
  const label = w.label + rows.map((r) => `${r.label}: ${r.text}`).join('; ') + '.';
  return {
    svg: fulfilmentBarsSvg({
      label,
      bars: periods.map((p) => ({ name: p.label, met: p.fixedInTime, judged: p.judged })),
      lang
    }),
    rows
  };
}
