import type { FollowUpStatus } from '../../../core';
import type { Lang } from '../../../i18n';
import { BRAND, INK, LINE, MUTED, labelledBarsSvg, renderChartSvg, shorten } from './chart-svg';
import { glyphPath, MARKS, rectPath, STATUS_MARKS, type StatusMark } from './status-marks';

/** A month's column label: its initial, and the year under January (and under the first column). */
const MONTH_INITIALS = 'JFMAMJJASOND';
function monthLabel(yearMonth: string, index: number): string {
  const month = Number(yearMonth.slice(5, 7));
  const initial = MONTH_INITIALS[month - 1] ?? '';
  return month === 1 || index === 0 ? `${initial}\n${yearMonth.slice(0, 4)}` : initial;
}

const monthAxis = (months: readonly string[]) => ({
  type: 'category' as const,
  data: [...months],
  axisTick: { show: false },
  axisLine: { lineStyle: { color: MUTED } },
  axisLabel: {
    interval: 0,
    fontSize: 10,
    color: INK,
    lineHeight: 13,
    formatter: (value: string, index: number) => monthLabel(value, index)
  }
});

/** A status cell centred on (x, y). */
type Cell = { x: number; y: number; width: number; height: number; status: FollowUpStatus };

/** Status cells and their glyphs as one filled and one stroked path per mark: a few elements, however many cells. */
function statusLayer(cells: readonly Cell[]): string {
  const fills = new Map<StatusMark, string[]>();
  const glyphs = new Map<StatusMark, string[]>();
  for (const c of cells) {
    const mark = STATUS_MARKS[c.status];
    (fills.get(mark) ?? fills.set(mark, []).get(mark)!).push(
      rectPath(c.x - c.width / 2, c.y - c.height / 2, c.width, c.height)
    );
    (glyphs.get(mark) ?? glyphs.set(mark, []).get(mark)!).push(
      glyphPath(mark.glyph, c.x, c.y, Math.min(c.width, c.height))
    );
  }
  // Only our constants and numbers go into this markup, never outside text.
  return MARKS.filter((m) => fills.has(m))
    .map((mark) => {
      const width = mark.glyph === 'dot' || mark.glyph === 'dots' ? 2.6 : 1.8;
      return (
        `<path d="${fills.get(mark)!.join('')}" fill="${mark.fill}"` +
        (mark.stroke ? ` stroke="${mark.stroke}" stroke-width="1"` : '') +
        `/><path d="${glyphs.get(mark)!.join('')}" fill="none" stroke="${mark.ink}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`
      );
    })
    .join('');
}

/** What the heat map shows: one row per measure, one column per month ('YYYY-MM'), a status or nothing per cell. */
export type HeatMapInput = {
  /** What the chart shows, in Swedish: its accessible name. */
  label: string;
  rows: readonly string[];
  months: readonly string[];
  /** cells[row][column]; null where the measure was not in the plan that month. */
  cells: readonly (readonly (FollowUpStatus | null)[])[];
};

/** A heat map of statuses, measures × months, as an SVG string. */
export function heatMapSvg(input: HeatMapInput): string {
  const rowHeight = 22;
  const grid = { left: 250, right: 12, top: 10, bottom: 40 };
  const height = grid.top + grid.bottom + rowHeight * Math.max(1, input.rows.length);
  return renderChartSvg(
    {
      grid: { ...grid, containLabel: false },
      xAxis: monthAxis(input.months),
      yAxis: {
        type: 'category',
        inverse: true,
        data: input.rows.map((r) => shorten(r, 30)),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: INK, fontSize: 12 }
      },
      // An invisible series puts the grid in place; the cells are drawn beside it.
      series: [{ type: 'bar', silent: true, data: [] }]
    },
    { width: 1000, height },
    input.label,
    (toPixel) => {
      const [x0 = 0, y0 = 0] = toPixel(0, 0);
      const [x1 = 0, y1 = 0] = toPixel(1, 1);
      const w = Math.abs(x1 - x0);
      const h = Math.abs(y1 - y0);
      const columns = input.months.map((_, x) => toPixel(x, 0)[0] ?? 0);
      const rows = input.rows.map((_, y) => toPixel(0, y)[1] ?? 0);
      return statusLayer(
        input.cells.flatMap((row, y) =>
          row.flatMap((status, x) =>
            status ? [{ x: columns[x]!, y: rows[y]!, width: w - 2, height: h - 3, status }] : []
          )
        )
      );
    }
  );
}

/** One bar: a name and how many judged periods were kept. */
export type FulfilmentBar = { name: string; met: number; judged: number };

/** The words written beside a fulfilment bar, in the reader's language. */
const BAR_WORDS = {
  sv: { of: 'av', notJudged: 'inte bedömt' },
  en: { of: 'of', notJudged: 'not judged' }
} as const satisfies Record<Lang, { of: string; notJudged: string }>;

/**
 * Horizontal bars of fulfilment (share of judged periods kept, 0–100 %), each labelled with its
 * figures in the reader's language (Swedish unless `lang` says otherwise; `label` is the caller's).
 */
export function fulfilmentBarsSvg(input: {
  label: string;
  bars: readonly FulfilmentBar[];
  lang?: Lang;
}): string {
  const w = BAR_WORDS[input.lang ?? 'sv'];
  return labelledBarsSvg({
    label: input.label,
    max: 100,
    interval: 25,
    unit: ' %',
    bars: input.bars.map((b) => {
      const share = b.judged ? Math.round((b.met / b.judged) * 100) : 0;
      return {
        name: b.name,
        value: share,
        text: b.judged ? `${share} % (${b.met} ${w.of} ${b.judged})` : w.notJudged
      };
    })
  });
}

/** One month of one measure: done, expected (null when not judged per month) and its status. */
export type MonthBar = {
  month: string;
  done: number;
  expected: number | null;
  status: FollowUpStatus | null;
};

/** Bars of what was done per month, a dash at what was expected, and a status row on top. */
export function monthlyBarsSvg(input: { label: string; months: readonly MonthBar[] }): string {
  const grid = { left: 48, right: 12, top: 38, bottom: 40 };
  return renderChartSvg(
    {
      grid: { ...grid, containLabel: false },
      xAxis: monthAxis(input.months.map((m) => m.month)),
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: INK },
        splitLine: { lineStyle: { color: LINE } }
      },
      series: [
        {
          type: 'bar',
          silent: true,
          barCategoryGap: '30%',
          itemStyle: { color: BRAND },
          data: input.months.map((m) => m.done)
        }
      ]
    },
    { width: 1000, height: 300 },
    input.label,
    (toPixel) => {
      const w = Math.abs((toPixel(1, 0)[0] ?? 0) - (toPixel(0, 0)[0] ?? 0));
      const dashes: string[] = [];
      const cells = input.months.flatMap((m, i) => {
        const [x = 0, y = 0] = toPixel(i, m.expected ?? 0);
        if (m.expected !== null)
          dashes.push(`M${x - w * 0.4} ${y}h${w * 0.8}`.replace(/(\.\d)\d+/g, '$1'));
        return m.status ? [{ x, y: 16, width: w - 2, height: 18, status: m.status }] : [];
      });
      return (
        statusLayer(cells) +
        // A white halo keeps the dark dash visible across the blue bars.
        (dashes.length
          ? `<path d="${dashes.join('')}" fill="none" stroke="#ffffff" stroke-width="5"/>` +
            `<path d="${dashes.join('')}" fill="none" stroke="${INK}" stroke-width="2.5"/>`
          : '')
      );
    }
  );
}
