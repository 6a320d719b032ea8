import { BRAND, INK, LINE, MUTED, renderChartSvg, shorten } from './chart-svg';

/** One labelled bar: a value and the text written beside it. */
export type LabelledBar = { name: string; value: number; text: string };

/**
 * Horizontal labelled bars as an SVG image (ECharts SSR). The page shows the same figures in a
 * table beside the chart, which is the text alternative.
 */
export function labelledBarsSvg(input: {
  label: string;
  bars: readonly LabelledBar[];
  max?: number;
  unit?: string;
}): string {
  const rowHeight = 30;
  const grid = { left: 240, right: 110, top: 10, bottom: 30 };
  const height = grid.top + grid.bottom + rowHeight * Math.max(1, input.bars.length);
  return renderChartSvg(
    {
      grid: { ...grid, containLabel: false },
      xAxis: {
        type: 'value',
        min: 0,
        ...(input.max !== undefined ? { max: input.max } : {}),
        minInterval: 1,
        axisLabel: { color: INK, formatter: `{value}${input.unit ?? ''}` },
        splitLine: { lineStyle: { color: LINE } }
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: input.bars.map((b) => shorten(b.name, 34)),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: MUTED } },
        axisLabel: { color: INK, fontSize: 12 }
      },
      series: [
        {
          type: 'bar',
          silent: true,
          barWidth: 16,
          showBackground: true,
          backgroundStyle: { color: '#eef1f4' },
          itemStyle: { color: BRAND },
          label: { show: true, position: 'right', color: INK, fontSize: 12 },
          data: input.bars.map((b) => ({ value: b.value, label: { formatter: b.text } }))
        }
      ]
    },
    { width: 720, height },
    input.label
  );
}

/** A question's answers as bars: count and share of those who answered. */
export function answerBarsSvg(question: {
  text: string;
  answered: number;
  options: readonly { label: string; n: number; share: number }[];
}): string {
  return labelledBarsSvg({
    label: `Svar på frågan "${question.text}" (${question.answered} svarande)`,
    bars: question.options.map((o) => ({
      name: o.label,
      value: o.n,
      text: `${o.n} (${Math.round(o.share * 100)} %)`
    }))
  });
}

/** The problem index per item on its 0–10 scale. */
export function problemIndexSvg(
  items: readonly { text: string; index: number | null }[],
  scaleMax: number
): string {
  return labelledBarsSvg({
    label: `Problemindex per fråga, skala 0–${scaleMax}`,
    max: scaleMax,
    bars: items.map((i) => ({
      name: i.text.replace(/^Hur stort problem är /, '').replace(/ i området där du bor\?$/, ''),
      value: i.index ?? 0,
      text: i.index === null ? 'inget underlag' : i.index.toFixed(1).replace('.', ',')
    }))
  });
}
