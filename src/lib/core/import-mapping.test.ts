import { describe, expect, it } from 'vitest';
import { guessMapping, mappingSchema } from './import-mapping';

describe('guessing the mapping of columns', () => {
  it('knows Swedish and English headers, exact words first, one field per column', () => {
    expect(
      guessMapping([
        'Datum',
        'Åtgärd',
        'Åtgärdsnyckel',
        'Antal',
        'Arbetade pass',
        'Åk',
        'Plats',
        'Kommentar'
      ])
    ).toEqual({ date: 0, measure: 1, count: 3, shifts: 4, grade: 5, place: 6, note: 7 });
    expect(guessMapping(['measure', 'date', 'count', 'shifts', 'grade', 'place', 'note'])).toEqual({
      measure: 0,
      date: 1,
      count: 2,
      shifts: 3,
      grade: 4,
      place: 5,
      note: 6
    });
    expect(guessMapping(['Vad', 'När gjordes det'])).toEqual({ date: 1 });
  });

  it('accepts empty choices as unmapped and refuses a column chosen twice', () => {
    expect(mappingSchema.parse({ measure: '1', date: '0', count: '' })).toEqual({
      measure: 1,
      date: 0
    });
    expect(mappingSchema.safeParse({ measure: 1, date: 1 }).success).toBe(false);
  });
});
