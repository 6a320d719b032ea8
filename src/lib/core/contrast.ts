/** WCAG 2.1 contrast: relative luminance and contrast ratio of '#rrggbb' colours. */

const HEX = /^#[0-9a-f]{6}$/i;

/** Is this a colour as '#rrggbb'? */
export const isHexColour = (value: string): boolean => HEX.test(value);

/** The relative luminance of a '#rrggbb' colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of two '#rrggbb' colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** WCAG 2.1 AA for normal text. */
export const AA_TEXT = 4.5;
