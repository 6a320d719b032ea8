import type { ReportContent } from '../../../core/report';
import type { Lang } from '../../../i18n';
import { fulfilmentBarsSvg } from '../shared/charts';

const WORDS = {
  sv: {
    label: (period: string) =>
      `Stapeldiagram: andel åtgärder som höll målet per fokusområde, ${period}. `,
    kept: (kept: number, judged: number) => `${kept} av ${judged} åtgärder höll målet`,
    table: 'Samma uppgifter finns i tabellen under diagrammet.'
  },
  en: {
    label: (period: string) =>
      `Bar chart: share of measures that met their target per focus area, ${period}. `,
    kept: (kept: number, judged: number) => `${kept} of ${judged} measures met their target`,
    table: 'The same figures are in the table below the chart.'
  }
} as const;

/**
 * The report's chart for the web page: the share of measures that kept their target, per focus
 * area, in the reader's language (the report's own texts, its period and focus areas, stay as written).
 */
export function reportChartSvg(content: ReportContent, lang: Lang = 'sv'): string | null {
  const areas = content.summary.byFocusArea.filter((f) => f.judged > 0);
  if (!areas.length) return null;
  const w = WORDS[lang];
  const words = areas.map((f) => `${f.title}: ${w.kept(f.kept, f.judged)}`).join('; ');
  return fulfilmentBarsSvg({
    label: `${w.label(content.period.label)}${words}. ${w.table}`,
    bars: areas.map((f) => ({ name: f.title, met: f.kept, judged: f.judged })),
    lang
  });
}
