import type { StatusMark } from '../../../i18n/status-symbols';

export { MARKS, STATUS_MARKS, statusTextCss, type StatusMark } from '../../../i18n/status-symbols';

const r = (n: number) => Math.round(n * 10) / 10;

/** SVG path data of a glyph centred on (x, y) in a cell of size s (strokes with round caps). */
export function glyphPath(glyph: StatusMark['glyph'], x: number, y: number, s: number): string {
  const u = s / 2;
  const dot = (dx: number, dy: number) => `M${r(x + dx)} ${r(y + dy)}h0.01`;
  switch (glyph) {
    case 'check':
      return `M${r(x - 0.55 * u)} ${r(y)}L${r(x - 0.15 * u)} ${r(y + 0.4 * u)}L${r(x + 0.55 * u)} ${r(y - 0.4 * u)}`;
    case 'cross':
      return (
        `M${r(x - 0.4 * u)} ${r(y - 0.4 * u)}L${r(x + 0.4 * u)} ${r(y + 0.4 * u)}` +
        `M${r(x + 0.4 * u)} ${r(y - 0.4 * u)}L${r(x - 0.4 * u)} ${r(y + 0.4 * u)}`
      );
    case 'bang':
      return `M${r(x)} ${r(y - 0.5 * u)}L${r(x)} ${r(y + 0.1 * u)}${dot(0, 0.45 * u)}`;
    case 'dot':
      return dot(0, 0);
    case 'dots':
      return `${dot(-0.4 * u, 0)}${dot(0, 0)}${dot(0.4 * u, 0)}`;
  }
}

/** SVG path data of a rectangle. */
export const rectPath = (x: number, y: number, w: number, h: number): string =>
  `M${r(x)} ${r(y)}h${r(w)}v${r(h)}h${r(-w)}Z`;
