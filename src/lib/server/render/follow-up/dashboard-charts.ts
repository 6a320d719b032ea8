import type { FollowUpStatus } from '../../../core';
import {
  fulfilmentBarsSvg,
  heatMapSvg,
  monthlyBarsSvg,
  type FulfilmentBar
} from '../shared/charts';
import { SWEDISH_MONTHS } from '../../../core/dates';

/** 'YYYY-MM' as Swedish words: "mars 2024". */
const monthWords = (ym: string) =>
  `${SWEDISH_MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
const spanWords = (months: readonly string[]) =>
  months.length ? `${monthWords(months[0]!)} till ${monthWords(months.at(-1)!)}` : 'inga månader';

const LEGEND =
  'Grön ruta med bock: uppfyllt, i fas eller pågår. Röd ruta med kryss: ej uppfyllt. ' +
  'Gul ruta med utropstecken: efter eller tyst. Grå ruta med punkt: bedöms inte den månaden. ' +
  'Vit ruta med tre punkter: kommande.';

const share = (b: FulfilmentBar) =>
  b.judged ? `${Math.round((b.met / b.judged) * 100)} procent` : 'inte bedömt';
const barWords = (bars: readonly FulfilmentBar[]) =>
  bars.map((b) => `${b.name}: ${share(b)}`).join('; ');

/** What the dashboard's charts need: the span, a status per measure and month, and shares. */
export type DashboardChartsInput = {
  span: { start: string; end: string };
  months: readonly string[];
  measures: readonly { title: string; months: readonly ({ status: FollowUpStatus } | null)[] }[];
  fulfilment: {
    byFocusArea: readonly FulfilmentBar[];
    byResponsibleParty: readonly FulfilmentBar[];
  };
};

/** What a measure's monthly chart needs: its title and each month's result. */
export type MeasureMonthsInput = {
  measure: { title: string };
  months: readonly {
    month: string;
    result: { done: number; expected: number | null; status: FollowUpStatus } | null;
  }[];
};

/** The dashboard's three charts as SVG strings: the heat map and fulfilment per focus area and per party. */
export function dashboardCharts(d: DashboardChartsInput) {
  const years = `${d.span.start.slice(0, 4)}–${d.span.end.slice(0, 4)}`;
  return {
    heatMap: heatMapSvg({
      label:
        `Värmekarta: status per månad för ${d.measures.length} åtgärder, ${spanWords(d.months)}. ` +
        `${LEGEND} Samma uppgifter finns i tabellen under diagrammet.`,
      rows: d.measures.map((m) => m.title),
      months: d.months,
      cells: d.measures.map((m) => m.months.map((p) => p?.status ?? null))
    }),
    byFocusArea: fulfilmentBarsSvg({
      label: `Stapeldiagram: andel uppfyllda åtgärdsår per fokusområde, ${years}. ${barWords(d.fulfilment.byFocusArea)}.`,
      bars: d.fulfilment.byFocusArea
    }),
    byResponsibleParty: fulfilmentBarsSvg({
      label: `Stapeldiagram: andel uppfyllda åtgärdsår per ansvarig part, ${years}. ${barWords(d.fulfilment.byResponsibleParty)}.`,
      bars: d.fulfilment.byResponsibleParty
    })
  };
}

/** A measure's monthly chart: done per month, the expected count as a dash, the status on top. */
export function measureMonthsChart(h: MeasureMonthsInput): string {
  const months = h.months.map((m) => m.month);
  return monthlyBarsSvg({
    label:
      `Stapeldiagram: ${h.measure.title}, antal gjorda per månad, ${spanWords(months)}. ` +
      `Ett svart streck visar förväntat antal när målet bedöms per månad; raden överst visar status. ` +
      `${LEGEND} Samma uppgifter finns i tabellen under diagrammet.`,
    months: h.months.map((m) => ({
      month: m.month,
      done: m.result?.done ?? 0,
      expected: m.result?.expected ?? null,
      status: m.result?.status ?? null
    }))
  });
}
