import { describe, expect, it } from 'vitest';
import type { Target } from './target';
import { parseTarget } from './target-parser';

/** A target's meaning without its words (Omit applied to each member of the union). */
type Meaning<T = Target> = T extends unknown ? Omit<T, 'text'> : never;

/** The targets of the Norsjö 2019 plan, word for word, and what they must mean. */
const SEED: readonly [string, Meaning][] = [
  ['Som minst 1 gång i månaden', { kind: 'count', count: 1, per: 'month' }],
  ['Kontinuerligt', { kind: 'continuous', quietAfterDays: 90 }],
  [
    'Lägga ut information på hemsidor och Norsjöbladet 2 gånger/år',
    { kind: 'count', count: 2, per: 'year' }
  ],
  ['Varje arbetspass', { kind: 'every-shift' }],
  ['Vid behov', { kind: 'on-demand' }],
  ['Minst 10 kontroller per månad', { kind: 'count', count: 10, per: 'month', unit: 'kontroller' }],
  [
    'Minst 4 möten per år med olika nyckelgrupper',
    { kind: 'count', count: 4, per: 'year', unit: 'möten' }
  ],
  ['1 gång per år på föräldramöten och personalträffar', { kind: 'count', count: 1, per: 'year' }],
  [
    'Besöka klasserna år 6-9 1 gång per år',
    {
      kind: 'count',
      count: 1,
      per: 'year',
      perUnit: { label: 'årskurs', values: ['6', '7', '8', '9'] }
    }
  ],
  [
    'Var tredje helg besöka fritidsgårdens öppna verksamhet',
    { kind: 'interval', every: 3, unit: 'weekend' }
  ],
  ['2 gånger per år', { kind: 'count', count: 2, per: 'year' }],
  ['Löpande under året', { kind: 'continuous', quietAfterDays: 90 }],
  ['Under riskhelger, löpande under året', { kind: 'occasions', occasions: 'risk-weekends' }]
];

describe('parseTarget on the Norsjö 2019 plan', () => {
  it.each(SEED)('reads "%s" exactly', (words, meaning) => {
    expect(parseTarget(words)).toEqual({ ...meaning, text: words });
  });
});

const count = (words: string, rest: Partial<Extract<Target, { kind: 'count' }>>) =>
  [words, { kind: 'count', text: words, ...rest }] as const;

describe('parseTarget on counts', () => {
  it.each([
    count('3 gånger per dygn', { count: 3, per: 'day' }),
    count('En gång om dagen', { count: 1, per: 'day' }),
    count('Dagligen', { count: 1, per: 'day' }),
    count('2 gånger per vecka', { count: 2, per: 'week' }),
    count('Fem gånger per veckan', { count: 5, per: 'week' }),
    count('Två gånger i veckan', { count: 2, per: 'week' }),
    count('Varje vecka', { count: 1, per: 'week' }),
    count('Varje månad', { count: 1, per: 'month' }),
    count('Femton kontroller per tertial', { count: 15, per: 'tertial', unit: 'kontroller' }),
    count('3 ggr/tertial', { count: 3, per: 'tertial' }),
    count('Tre gånger om året', { count: 3, per: 'year' }),
    count('En gång under året', { count: 1, per: 'year' }),
    count('Årligen', { count: 1, per: 'year' }),
    count('Tjugo kontroller per år', { count: 20, per: 'year', unit: 'kontroller' }),
    count('Minst 3 gånger under avtalsperioden', { count: 3, per: 'period' }),
    count('Två seminarier under perioden', { count: 2, per: 'period', unit: 'seminarier' })
  ])('reads the frequency in "%s"', (words, expected) => {
    expect(parseTarget(words)).toEqual(expected);
  });

  it.each([
    ['en', 1],
    ['ett', 1],
    ['två', 2],
    ['tre', 3],
    ['fyra', 4],
    ['fem', 5],
    ['sex', 6],
    ['sju', 7],
    ['åtta', 8],
    ['nio', 9],
    ['tio', 10],
    ['elva', 11],
    ['tolv', 12],
    ['femton', 15],
    ['tjugo', 20],
    ['tjugofem', 25],
    ['trettio', 30]
  ] as const)('reads the number word "%s" as %i', (word, n) => {
    expect(parseTarget(`${word} gånger per år`)).toMatchObject({
      kind: 'count',
      count: n,
      per: 'year'
    });
  });

  it('counts "vid minst N tillfällen" over the whole agreement period unless a period is named', () => {
    expect(parseTarget('Vid minst 6 tillfällen')).toMatchObject({
      kind: 'count',
      count: 6,
      per: 'period',
      unit: 'tillfällen'
    });
    expect(parseTarget('vid minst fyra tillfällen per år')).toMatchObject({
      count: 4,
      per: 'year',
      unit: 'tillfällen'
    });
  });

  it('reads a grade list as well as a grade range and keeps the count per grade', () => {
    expect(parseTarget('Besöka årskurs 7, 8 och 9 en gång per år')).toMatchObject({
      count: 1,
      per: 'year',
      perUnit: { label: 'årskurs', values: ['7', '8', '9'] }
    });
  });

  it('takes the lower bound of a range such as "1-2 gånger" and ignores a year such as 2020', () => {
    expect(parseTarget('1-2 gånger per månad')).toMatchObject({ count: 1, per: 'month' });
    expect(parseTarget('Under 2020 minst 5 gånger per år')).toMatchObject({
      count: 5,
      per: 'year'
    });
  });

  it('does not read "juli" as jul, nor "nyårsafton" as a yearly count', () => {
    expect(parseTarget('Juli: 2 gånger per år')).toMatchObject({
      kind: 'count',
      count: 2,
      per: 'year'
    });
    expect(parseTarget('Nyårsafton')).toEqual({
      kind: 'occasions',
      text: 'Nyårsafton',
      occasions: ['nyar']
    });
  });
});

describe('parseTarget on weekday rules', () => {
  it('reads "alla fredags- och lördagskvällar" as one activity every Friday and Saturday', () => {
    expect(parseTarget('alla fredags- och lördagskvällar')).toEqual({
      kind: 'count',
      text: 'alla fredags- och lördagskvällar',
      count: 1,
      per: 'day',
      weekdays: [5, 6]
    });
  });

  it('keeps a count and restricts it to the named weekdays', () => {
    expect(parseTarget('Två gånger varje fredag')).toMatchObject({
      count: 2,
      per: 'day',
      weekdays: [5]
    });
    expect(parseTarget('2 gånger per månad på söndagar')).toMatchObject({
      count: 2,
      per: 'month',
      weekdays: [7]
    });
  });
});

describe('parseTarget on intervals, occasions and conditions', () => {
  it.each([
    ['Varannan vecka', 2, 'week'],
    ['Var tredje helg', 3, 'weekend'],
    ['var 3:e vecka', 3, 'week'],
    ['Varannan månad', 2, 'month'],
    ['Var fjärde dag', 4, 'day'],
    ['Varje helg', 1, 'weekend'],
    ['Alla helger', 1, 'weekend']
  ] as const)('reads "%s" as an interval of %i %s', (words, every, unit) => {
    expect(parseTarget(words)).toEqual({ kind: 'interval', text: words, every, unit });
  });

  it('reads named occasions into their keys', () => {
    expect(parseTarget('under valborg och midsommar')).toMatchObject({
      kind: 'occasions',
      occasions: ['valborg', 'midsommar']
    });
    expect(parseTarget('Vid skolavslutningen')).toMatchObject({ occasions: ['skolavslutning'] });
    expect(parseTarget('Studenten, julafton och nyårsafton')).toMatchObject({
      occasions: ['studenten', 'jul', 'nyar']
    });
    expect(parseTarget('Halloween')).toMatchObject({ occasions: ['halloween'] });
  });

  it('reads conditional offers as on demand', () => {
    expect(parseTarget('Om det uppkommer önskemål')).toEqual({
      kind: 'on-demand',
      text: 'Om det uppkommer önskemål'
    });
    expect(parseTarget('Föreläsning 1 gång per år om det finns önskemål')).toMatchObject({
      kind: 'on-demand'
    });
    expect(parseTarget('På begäran')).toMatchObject({ kind: 'on-demand' });
  });

  it('keeps an explicit floor even when the promise also says "vid behov"', () => {
    expect(parseTarget('Vid behov, dock minst 2 gånger per år')).toMatchObject({
      kind: 'count',
      count: 2,
      per: 'year'
    });
  });

  it('uses a configured quiet limit for continuous targets', () => {
    expect(parseTarget('Fortlöpande', { quietAfterDays: 60 })).toMatchObject({
      kind: 'continuous',
      quietAfterDays: 60
    });
  });
});

describe('parseTarget on what it cannot read', () => {
  it.each([
    'Polisen ska synas mer',
    'Genomföra en trygghetsvandring',
    'Kontroller per månad',
    'En gång i kvartalet',
    '2 gånger per termin',
    '   '
  ])('keeps "%s" as an unparsed target with the original words', (words) => {
    expect(parseTarget(words)).toEqual({ kind: 'unparsed', text: words });
  });

  it.each([
    'år 9-6 en gång per år',
    'var 0:e helg',
    'minst 0 gånger per år',
    '////',
    'per per per i i om',
    'fredag',
    'x'.repeat(5000) + ' 2 gånger per år'
  ])('returns a target with the original words for odd input: "%s"', (words) => {
    const target = parseTarget(words);
    expect(target.text).toBe(words);
  });

  it('never throws, even when handed something that is not text', () => {
    expect(parseTarget(undefined as unknown as string)).toEqual({ kind: 'unparsed', text: '' });
  });
});
