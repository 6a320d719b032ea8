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

/** Names the SVG as one image and drops ECharts' hydration attributes (we never hydrate). */
function asImage(svg: string, label: string): string {
  const text = escapeXml(label);
  return svg
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/^<svg /, `<svg role="img" aria-label="${text}" focusable="false" `)
    .replace('>', `><title>${text}</title>`);
}

/** Shortens a label to `max` characters with an ellipsis (the full text is in the table alternative). */
export const shorten = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
