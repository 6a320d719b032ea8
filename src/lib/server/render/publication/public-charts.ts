import type { Lang } from '../../../i18n';
import { fulfilmentBarsSvg } from '../shared/charts';

const WORDS = {
  sv: {
    label: 'Stapeldiagram: andel uppfyllda åtgärdsår per fokusområde sedan starten. ',
    share: (percent: number, met: number, judged: number) =>
      `${percent} procent (${met} av ${judged} bedömda åtgärdsår)`,
    notYet: 'inte bedömt ännu'
  },
  en: {
    label:
      'Bar chart: share of measure-years that met their target per focus area since the start. ',
    share: (percent: number, met: number, judged: number) =>
      `${percent} per cent (${met} of ${judged} measure-years judged)`,
    notYet: 'not judged yet'
  }
} as const;

/** What the chart needs of a public agreement: its focus areas and the kept share of each. */
export type FocusAreaChartInput = {
  view: { focusAreas: readonly { id: string; title: string }[] };
  standing: { byFocusArea: Record<string, { met: number; judged: number } | undefined> };
};

/**
 * The public page's chart: the share of kept measure-years per focus area since the start, with
 * the same figures in words as its text alternative (and in a list beside it on the page), in the
 * reader's language (the focus areas' titles are the agreement's own and stay as written).
 */
export function focusAreaChart(
  a: FocusAreaChartInput,
  lang: Lang = 'sv'
): {
  svg: string;
  bars: { name: string; text: string }[];
} {
  const w = WORDS[lang];
  const bars = a.view.focusAreas.map((f) => {
    const share = a.standing.byFocusArea[f.id];
    return { name: f.title, met: share?.met ?? 0, judged: share?.judged ?? 0 };
  });
  const words = bars.map((b) => ({
    name: b.name,
    text: b.judged ? w.share(Math.round((b.met / b.judged) * 100), b.met, b.judged) : w.notYet
  }));
  const label = w.label + words.map((x) => `${x.name}: ${x.text}`).join('; ') + '.';
  return { svg: fulfilmentBarsSvg({ label, bars, lang }), bars: words };
}
