import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { position } from './walk.schema';

describe('a position', () => {
  it('keeps seven decimals, so a number too small for a real column is stored as 0', () => {
    expect(position.parse({ lat: '64,9114', lng: 5e-324 })).toEqual({ lat: 64.9114, lng: 0 });
    expect(position.parse({ lat: 64.123456789, lng: -19.000000049 })).toEqual({
      lat: 64.1234568,
      lng: -19
    });
  });

  it('moves a point in range by at most half of the seventh decimal, and never out of range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lat, lng) => {
          const p = position.parse({ lat, lng });
          expect(Math.abs(p.lat! - lat)).toBeLessThanOrEqual(5e-8 + 1e-12);
          expect(Math.abs(p.lng! - lng)).toBeLessThanOrEqual(5e-8 + 1e-12);
          expect(Math.abs(p.lat!)).toBeLessThanOrEqual(90);
          expect(Math.abs(p.lng!)).toBeLessThanOrEqual(180);
        }
      )
    );
  });
});
