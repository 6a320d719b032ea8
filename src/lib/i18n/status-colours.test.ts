import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WIDGET_CSS } from '../server/render/publication/widget-script';
import { STATUS_SV } from './status';
import { MARKS, STATUS_MARKS, statusTextCss } from './status-symbols';

const css = readFileSync(new URL('../styles/app.css', import.meta.url), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  ''
);
const variables = new Map(
  [...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!])
);

/** The colour app.css gives `.status-<status>`, with its variable resolved. */
function pageColour(status: string): string | undefined {
  for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const selectors = rule[1]!.split(',').map((s) => s.trim());
    if (!selectors.includes(`.status-${status}`)) continue;
    const value = /(?:^|;|\s)color:\s*([^;]+);/.exec(rule[2]!)?.[1]?.trim();
    const v = value && /^var\(--([a-z-]+)\)$/.exec(value);
    return v ? variables.get(v[1]!) : value;
  }
  return undefined;
}

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('one colour per status', () => {
  it('gives every status a word and a mark', () => {
    expect(Object.keys(STATUS_MARKS).sort()).toEqual(Object.keys(STATUS_SV).sort());
  });

  it('colours each status’s word on the pages as the charts’ legend says', () => {
    for (const [status, mark] of Object.entries(STATUS_MARKS)) {
      const expected = ['not-applicable', 'upcoming'].includes(status)
        ? variables.get('muted')
        : mark.text;
      expect({ status, colour: pageColour(status) }).toEqual({ status, colour: expected });
    }
  });

  it('shows "tyst" and "efter" in amber, never in the red of "ej uppfyllt"', () => {
    expect(STATUS_MARKS.quiet.text).toBe(STATUS_MARKS.behind.text);
    expect(STATUS_MARKS.quiet.text).not.toBe(STATUS_MARKS.missed.text);
    expect(pageColour('quiet')).toBe(STATUS_MARKS.behind.text);
  });

  it('colours the widget’s statuses the same way', () => {
    expect(WIDGET_CSS).toContain(statusTextCss('lw-'));
    expect(WIDGET_CSS).toContain('.lw-quiet{color:#8a4b00}');
  });

  it('keeps every status word readable on white (WCAG AA 4.5:1)', () => {
    for (const mark of MARKS)
      expect(1.05 / (luminance(mark.text) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });
});
