import { describe, expect, it } from 'vitest';
import type { FollowUpStatus } from '../../../core';
import { fulfilmentBarsSvg, heatMapSvg, monthlyBarsSvg } from './charts';

const months = Array.from(
  { length: 24 },
  (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
);

/** Counts the `M x y h w v h h -w Z` rectangles in the path filled with a colour. */
function cellsFilled(svg: string, fill: string): number {
  const path = new RegExp(`<path d="([^"]*)" fill="${fill}"`).exec(svg);
  return path ? (path[1]!.match(/Z/g) ?? []).length : 0;
}

/**
 * Checks that the SVG is well-formed XML (tags nest and close, attributes are quoted, text holds
 * only known entities) by walking its tokens: a small parser, as no XML parser is a dependency.
 */
function parseXml(svg: string): string[] {
  const token =
    /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const open: string[] = [];
  const roots: string[] = [];
  let end = 0;
  for (const m of svg.matchAll(token)) {
    end = m.index + m[0].length;
    const [, closing, name, , selfClosing, text] = m;
    if (text !== undefined) {
      expect(text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, '')).not.toContain('&');
    } else if (name && closing) {
      expect(open.pop()).toBe(name);
    } else if (name) {
      if (!open.length) roots.push(name);
      if (!selfClosing) open.push(name);
    }
  }
  expect(end).toBe(svg.length);
  expect(open).toEqual([]);
  return roots;
}

function expectSvgImage(svg: string, title: string) {
  expect(parseXml(svg.trim())).toEqual(['svg']);
  expect(svg.startsWith('<svg ')).toBe(true);
  expect(svg).toContain('role="img"');
  expect(svg).toContain(`<title>${title}`);
  expect(svg).not.toMatch(/<script|on[a-z]+="|ecmeta_/i);
}

describe('the heat map', () => {
  const statuses: (FollowUpStatus | null)[] = ['met', 'missed', 'behind', 'not-applicable'];
  const cells = [
    months.map((_, i) => statuses[i % 4]!),
    months.map((_, i) => (i < 12 ? null : 'upcoming'))
  ];
  const svg = heatMapSvg({
    label: 'Värmekarta: status per månad',
    rows: ['Trafikkontroller', 'Dörrknackning'],
    months,
    cells
  });

  it('is one SVG image named in Swedish', () => {
    expectSvgImage(svg, 'Värmekarta: status per månad');
    expect(svg).toContain('aria-label="Värmekarta: status per månad"');
    expect(svg).toContain('Trafikkontroller');
  });

  it('draws one cell per month and measure in the plan, coloured by status', () => {
    expect(cellsFilled(svg, '#1d6b35')).toBe(6);
    expect(cellsFilled(svg, '#a1202b')).toBe(6);
    expect(cellsFilled(svg, '#f6c453')).toBe(6);
    expect(cellsFilled(svg, '#e3e7ec')).toBe(6);
    expect(cellsFilled(svg, '#ffffff')).toBe(12);
  });

  it('gives every coloured cell a glyph too, so colour is not the only carrier', () => {
    // White ticks on the green cells (the first white glyph path): one polyline per cell.
    const ticks = /<path d="([^"]*)" fill="none" stroke="#ffffff"/.exec(svg)![1]!;
    expect(ticks.match(/M/g)).toHaveLength(6);
    expect(ticks.match(/L/g)).toHaveLength(12);
  });

  it('escapes measure titles, which come from users', () => {
    const hostile = heatMapSvg({
      label: 'A <b>label</b> & more',
      rows: ['<script>alert(1)</script>'],
      months: months.slice(0, 2),
      cells: [['met', 'met']]
    });
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&lt;script&gt;');
    expect(hostile).toContain('<title>A &lt;b&gt;label&lt;/b&gt; &amp; more</title>');
  });
});

describe('the fulfilment bars', () => {
  it('draws one bar per row, labelled with share and counts', () => {
    const svg = fulfilmentBarsSvg({
      label: 'Andel uppfyllda år per fokusområde',
      bars: [
        { name: 'Insatser mot narkotika', met: 3, judged: 4 },
        { name: 'Trygghetsskapande arbete', met: 0, judged: 0 },
        { name: 'Trafik', met: 2, judged: 2 }
      ]
    });
    expectSvgImage(svg, 'Andel uppfyllda år per fokusområde');
    expect(svg).toContain('75 % (3 av 4)');
    expect(svg).toContain('inte bedömt');
    expect(svg).toContain('100 % (2 av 2)');
    // One bar per row in the site's blue (the unjudged one has no length).
    expect(svg.match(/fill="#1a4d8f"/g)?.length).toBe(3);
  });

  it('writes its figures in English when asked, with no Swedish word left', () => {
    const svg = fulfilmentBarsSvg({
      label: 'Share kept per focus area',
      bars: [
        { name: 'Traffic', met: 3, judged: 4 },
        { name: 'Youth', met: 0, judged: 0 }
      ],
      lang: 'en'
    });
    expectSvgImage(svg, 'Share kept per focus area');
    expect(svg).toContain('75 % (3 of 4)');
    expect(svg).toContain('not judged');
    expect(svg).not.toMatch(/\bav\b|bedömt/);
  });
});

describe('the monthly bars of a measure', () => {
  it('draws a status row, bars of what was done and a dash where something was expected', () => {
    const svg = monthlyBarsSvg({
      label: 'Trafikkontroller per månad',
      months: months.map((month, i) => ({
        month,
        done: i + 1,
        expected: i < 20 ? 10 : null,
        status: i < 20 ? (i % 2 ? 'met' : 'missed') : 'upcoming'
      }))
    });
    expectSvgImage(svg, 'Trafikkontroller per månad');
    expect(cellsFilled(svg, '#1d6b35') + cellsFilled(svg, '#a1202b')).toBe(20);
    expect(cellsFilled(svg, '#ffffff')).toBe(4);
    const dashes = /<path d="([^"]*)" fill="none" stroke="#1b1f24" stroke-width="2.5"/.exec(svg);
    expect(dashes![1]!.match(/M/g)).toHaveLength(20);
  });
});
