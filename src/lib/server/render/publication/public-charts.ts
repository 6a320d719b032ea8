import { fulfilmentBarsSvg } from '../shared/charts';

/** What the chart needs of a public agreement: its focus areas and the kept share of each. */
export type FocusAreaChartInput = {
  view: { focusAreas: readonly { id: string; title: string }[] };
  standing: { byFocusArea: Record<string, { met: number; judged: number } | undefined> };
};

/**
 * The public page's chart: the share of kept measure-years per focus area since the start, with
 * the same figures in words as its text alternative (and in a list beside it on the page).
 */
export function focusAreaChart(a: FocusAreaChartInput): {
  svg: string;
  bars: { name: string; text: string }[];
} {
  const bars = a.view.focusAreas.map((f) => {
    const share = a.standing.byFocusArea[f.id];
    return { name: f.title, met: share?.met ?? 0, judged: share?.judged ?? 0 };
  });
  const words = bars.map((b) => ({
    name: b.name,
    text: b.judged
      ? `${Math.round((b.met / b.judged) * 100)} procent (${b.met} av ${b.judged} bedömda åtgärdsår)`
      : 'inte bedömt ännu'
  }));
  const label =
    'Stapeldiagram: andel uppfyllda åtgärdsår per fokusområde sedan starten. ' +
    words.map((w) => `${w.name}: ${w.text}`).join('; ') +
    '.';
  return { svg: fulfilmentBarsSvg({ label, bars }), bars: words };
}
