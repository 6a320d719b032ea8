import { describe, expect, it } from 'vitest';
import { belongsToTheme, crimeRise, rankThemes, type ThemeEvidence } from './assessment-ranking';

const theme = (over: Partial<ThemeEvidence> & { themeId: string }): ThemeEvidence => ({
  label: over.themeId,
  surveyMentions: 0,
  problemIndex: null,
  inputItems: 0,
  trends: [],
  events: 0,
  ...over
});

describe('rankThemes', () => {
  it('gives each source up to 20 points and ranks by the sum, explaining each part', () => {
    const ranked = rankThemes([
      theme({ themeId: 'trafik', surveyMentions: 10, problemIndex: 50, inputItems: 2, events: 4 }),
      theme({
        themeId: 'narkotika',
        surveyMentions: 20,
        problemIndex: 80,
        inputItems: 4,
        trends: [
          {
            category: 'Narkotikabrott',
            firstYear: 2015,
            firstCount: 10,
            lastYear: 2018,
            lastCount: 15
          }
        ]
      })
    ]);
    expect(ranked.map((r) => [r.rank, r.themeId, r.score])).toEqual([
      [1, 'narkotika', 76],
      [2, 'trafik', 50]
    ]);
    const trafik = ranked[1]!.parts;
    expect(trafik.map((p) => [p.source, p.points])).toEqual([
      ['survey', 10],
      ['problemIndex', 10],
      ['input', 10],
      ['crimeTrend', 0],
      ['events', 20]
    ]);
    expect(trafik[0]!.reason).toBe('10 svarande i enkäten tar upp temat (flest för ett tema: 20).');
    expect(ranked[0]!.parts[3]!.reason).toBe(
      'Anmälda brott (Narkotikabrott) 2015–2018: 10 → 15 (+50 %).'
    );
  });

  it('gives no points for falling crime and breaks ties by meeting input, then name', () => {
    const ranked = rankThemes([
      theme({ themeId: 'b', label: 'Bråk', inputItems: 1 }),
      theme({
        themeId: 'a',
        label: 'Anmälningar',
        inputItems: 1,
        trends: [
          { category: 'Stöld', firstYear: 2015, firstCount: 30, lastYear: 2018, lastCount: 20 }
        ]
      }),
      theme({ themeId: 'c', label: 'Cykel', inputItems: 0 })
    ]);
    expect(ranked.map((r) => r.themeId)).toEqual(['a', 'b', 'c']);
    expect(ranked[0]!.parts[3]).toMatchObject({ points: 0 });
    expect(ranked[0]!.parts[3]!.reason).toContain('Ingen ökning ger inga poäng.');
  });

  it('scores nothing when there is no evidence at all', () => {
    expect(rankThemes([theme({ themeId: 'x' })])[0]!.score).toBe(0);
  });
});

describe('crimeRise and belongsToTheme', () => {
  it('sums the categories before comparing years', () => {
    expect(
      crimeRise([
        { category: 'a', firstYear: 1, firstCount: 10, lastYear: 2, lastCount: 20 },
        { category: 'b', firstYear: 1, firstCount: 10, lastYear: 2, lastCount: 10 }
      ])
    ).toBe(0.5);
    expect(crimeRise([])).toBe(0);
  });

  it('ties Brå categories and event types to themes by key or by the first word of the name', () => {
    expect(belongsToTheme({ key: 'trafik', label: 'Trafik' }, 'Rattfylleri')).toBe(true);
    expect(belongsToTheme({ key: 'tillgrepp', label: 'Stölder' }, 'Inbrott')).toBe(true);
    expect(belongsToTheme({ key: 'tillgrepp', label: 'Stölder' }, 'Trafikolycka')).toBe(false);
    expect(belongsToTheme({ key: 'egen', label: 'Klotter i centrum' }, 'Klotter')).toBe(true);
  });
});
