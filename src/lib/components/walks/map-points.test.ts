import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, fieldValue, pinFrom, pointsOf, validPosition } from './map-points';

describe('walk map points', () => {
  it('numbers points by their place in the whole list, leaving out those without a position', () => {
    const items = [
      { id: 'a', lat: 64.91, lng: 19.48, d: 'Mörk gångväg' },
      { id: 'b', lat: null, lng: null, d: 'Utan position' },
      { id: 'c', lat: 64.92, lng: 19.5, d: 'Klotter' }
    ];
    const points = pointsOf(items, (i) => ({ title: i.d, kind: 'rapporterad' }), 'P', 'plats-');
    expect(points.map((p) => [p.label, p.title, p.target])).toEqual([
      ['P1', 'P1. Mörk gångväg', 'plats-a'],
      ['P3', 'P3. Klotter', 'plats-c']
    ]);
  });

  it('reads a typed pin with a point or a comma, and only in range', () => {
    expect(pinFrom('64,9105', ' 19.4823 ')).toEqual({ lat: 64.9105, lng: 19.4823 });
    expect(pinFrom('91', '19')).toBeNull();
    expect(pinFrom('64.9', '')).toBeNull();
    expect(pinFrom('64.9', '19e2')).toBeNull();
    expect(pinFrom(undefined, undefined)).toBeNull();
  });

  it('hands over a pin the fields read back as the same place (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (lat, lng) => {
          const p = pinFrom(fieldValue(lat), fieldValue(lng));
          expect(p).not.toBeNull();
          expect(Math.abs(p!.lat - lat)).toBeLessThanOrEqual(5e-7);
          expect(Math.abs(p!.lng - lng)).toBeLessThanOrEqual(5e-7);
          expect(validPosition(p!.lat, p!.lng)).toBe(true);
        }
      )
    );
  });

  it('escapes an attribution before Leaflet inserts it as HTML', () => {
    expect(escapeHtml('© <b>"OSM"</b> & \'co\'')).toBe(
      '© &lt;b&gt;&quot;OSM&quot;&lt;/b&gt; &amp; &#39;co&#39;'
    );
  });
});
