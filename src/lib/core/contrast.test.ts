import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio, isHexColour } from './contrast';

describe('contrast', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1a4d8f', '#1a4d8f')).toBe(1);
  });

  it('passes the product blue with white text and fails a light yellow', () => {
    expect(contrastRatio('#1a4d8f', '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT);
    expect(contrastRatio('#f6c453', '#ffffff')).toBeLessThan(AA_TEXT);
  });

  it('accepts only #rrggbb', () => {
    expect(isHexColour('#00A0e1')).toBe(true);
    expect(isHexColour('red')).toBe(false);
    expect(isHexColour('#fff')).toBe(false);
  });
});
