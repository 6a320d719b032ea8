import type { ReportContent } from '../../../core/report';
import { fulfilmentBarsSvg } from '../shared/charts';

/** The report's chart for the web page: the share of measures that kept their target, per focus area. */
export function reportChartSvg(content: ReportContent): string | null {
  const areas = content.summary.byFocusArea.filter((f) => f.judged > 0);
  if (!areas.length) return null;
  const words = areas
    .map((f) => `${f.title}: ${f.kept} av ${f.judged} åtgärder höll målet`)
    .join('; ');
  return fulfilmentBarsSvg({
    label:
      `Stapeldiagram: andel åtgärder som höll målet per fokusområde, ${content.period.label}. ` +
      `${words}. Samma uppgifter finns i tabellen under diagrammet.`,
    bars: areas.map((f) => ({ name: f.title, met: f.kept, judged: f.judged }))
  });
}
