import { describe, expect, it } from 'vitest';
import { fixedWithinDue, isOverdue, observationsGeoJson } from './walks';

describe('observations fixed within their due date', () => {
  it('judges fixed ones and open ones past due, and leaves out won’t-fix and not yet due', () => {
    const r = fixedWithinDue(
      [
        { status: 'åtgärdad', dueOn: '2026-12-10', fixedOn: '2026-12-09' },
        { status: 'åtgärdad', dueOn: '2026-12-10', fixedOn: '2026-12-11' },
        { status: 'pågår', dueOn: '2026-12-01', fixedOn: null },
        { status: 'pågår', dueOn: '2026-12-31', fixedOn: null },
        { status: 'åtgärdas inte', dueOn: '2026-12-01', fixedOn: null },
        { status: 'rapporterad', dueOn: null, fixedOn: null }
      ],
      '2026-12-15'
    );
    expect(r).toEqual({ fixedInTime: 1, judged: 3, share: 1 / 3 });
    expect(fixedWithinDue([], '2026-12-15').share).toBeNull();
  });

  it('calls an open observation overdue the day after its due date', () => {
    expect(isOverdue({ status: 'accepterad', dueOn: '2026-12-10' }, '2026-12-10')).toBe(false);
    expect(isOverdue({ status: 'accepterad', dueOn: '2026-12-10' }, '2026-12-11')).toBe(true);
    expect(isOverdue({ status: 'åtgärdad', dueOn: '2026-12-10' }, '2026-12-11')).toBe(false);
  });
});

describe('GeoJSON of observations', () => {
  it('writes RFC 7946 points as [longitude, latitude] and leaves out those without a position', () => {
    const g = observationsGeoJson([
      { id: 'a', lat: 64.91, lng: 19.48, properties: { status: 'åtgärdad' } },
      { id: 'b', lat: null, lng: null, properties: {} }
    ]);
    expect(g).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'a',
          geometry: { type: 'Point', coordinates: [19.48, 64.91] },
          properties: { status: 'åtgärdad' }
        }
      ]
    });
  });
});
