import type { MunicipalityPage } from '../../services/publication/public-site.service';
import { fulfilmentBarsSvg } from '../shared/charts';

type Shown = NonNullable<MunicipalityPage['agreement']>;

/**
 * The public page's chart: the share of kept measure-years per focus area since the start, with
 * the same figures in words as its text alternative (and in a list beside it on the page).
 */
export function focusAreaChart(a: Shown): { svg: string; bars: { name: string; text: string }[] } {
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
