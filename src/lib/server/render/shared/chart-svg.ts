import { createHash } from 'node:crypto';
import {
  BarChart,
  CustomChart,
  type BarSeriesOption,
  type CustomSeriesOption
} from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what our charts use, so the server loads a fraction of ECharts.
use([SVGRenderer, BarChart, CustomChart, GridComponent]);

/** The ECharts options our charts may use. */
export type ChartOption = ComposeOption<BarSeriesOption | CustomSeriesOption | GridComponentOption>;

/** The site's ink colours (app.css): dark enough on white for text (WCAG AA). */
export const INK = '#1b1f24';
export const MUTED = '#4a5562';
export const LINE = '#cfd6df';
export const BRAND = '#1a4d8f';
// No quotes: ECharts writes the family into a style attribute without escaping them.
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

/** Escapes text for an XML attribute or element. */
export const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
  );

/**
 * Renders a chart on the server with ECharts' SSR SVG mode and returns the SVG string: one image
 * (`role="img"`) named by `label` in its aria-label and <title>, without scripts or hover styles.
 * `overlay` may add SVG markup drawn in the grid's pixels (it must not contain outside text):
 * thousands of cells as a few path elements cost a fraction of ECharts elements.
 */
export function renderChartSvg(
  option: ChartOption,
  size: { width: number; height: number },
  label: string,
  overlay?: (toPixel: ToPixel) => string
): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, color: INK }, ...option });
    const svg = chart.renderToSVGString();
    const extra = overlay?.((x, y) => chart.convertToPixel({ gridIndex: 0 }, [x, y]) as number[]);
    return asImage(extra ? svg.replace(/<\/svg>\s*$/, `${extra}</svg>`) : svg, label);
  } finally {
    // An undisposed SSR chart keeps Node's event loop alive.
    chart.dispose();
  }
}

/** Grid coordinates (category index or value) to pixels, for marks drawn beside ECharts. */
export type ToPixel = (x: number, y: number) => number[];

/**
 * Makes a render depend only on its input. ECharts numbers each chart instance (`zr0`, `zr1` …)
 * and its CSS classes (`zr1-cls-3`) from process-wide counters, so the same report rendered twice
 * differed and its page never answered 304 (issue 16 item 8). The classes only carry a hover rule
 * that a silent chart does not need, so they and their <style> go; any other instance-numbered id
 * (clip paths, gradients) is renamed after a hash of the chart itself, unique between charts on one
 * page and stable between renders.
 */
export function deterministicSvg(svg: string): string {
  const plain = svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '');
  if (!/\bzr\d+-/.test(plain)) return plain;
  const id = createHash('sha256')
    .update(plain.replace(/\bzr\d+-/g, 'zr-'))
    .digest('hex')
    .slice(0, 10);
  return plain.replace(/\bzr\d+-/g, `c${id}-`);
}

/** Names the SVG as one image and drops ECharts' hydration attributes (we never hydrate). */
function asImage(svg: string, label: string): string {
  const text = escapeXml(label);
  return deterministicSvg(svg)
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/^<svg /, `<svg role="img" aria-label="${text}" focusable="false" `)
    .replace('>', `><title>${text}</title>`);
}

/** Shortens a label to `max` characters with an ellipsis (the full text is in the table alternative). */
export const shorten = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** One labelled bar: a value and the text written beside it. */
export type LabelledBar = { name: string; value: number; text: string };

/**
 * Horizontal labelled bars as an SVG image (ECharts SSR): survey answers, and fulfilment on the
 * dashboards and the public page. Each page shows the same figures in a table or list beside the
 * chart, which is the text alternative.
 */
export function labelledBarsSvg(input: {
  label: string;
  bars: readonly LabelledBar[];
  max?: number;
  /** Distance between the value axis' lines (ECharts picks one when unset). */
  interval?: number;
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
        ...(input.interval !== undefined ? { interval: input.interval } : {}),
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
