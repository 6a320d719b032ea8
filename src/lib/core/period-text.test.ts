import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPeriodText } from './period-text';

describe('splitPeriodText', () => {
  it('quotes Norsjö’s own sentence and keeps the note apart', () => {
    expect(
      splitPeriodText(
        'Avtalet löper på fyra år med början 1/1 2019. Dokumentet säger också 2019–2023: rubriken "Medborgarlöfte 2019-2023".'
      )
    ).toEqual({
      quote: 'Avtalet löper på fyra år med början 1/1 2019',
      note: 'Dokumentet säger också 2019–2023: rubriken "Medborgarlöfte 2019-2023".'
    });
  });

  it('leaves a text without a note whole', () => {
    expect(splitPeriodText('2023–2026')).toEqual({ quote: '2023–2026', note: null });
  });

  it('never loses words: the quote and the note together hold every word of the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), fc.string(), (own, withNote, rest) => {
        const text = withNote ? `${own} Dokumentet säger också ${rest}` : own;
        const { quote, note } = splitPeriodText(text);
        const words = (s: string) => s.split(/[\s.]+/u).filter(Boolean);
        expect([...words(quote), ...words(note ?? '')]).toEqual(words(text));
      })
    );
  });
});
